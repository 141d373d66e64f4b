/// A period of time as the law states it ("one month", "two further months", "7 days"),
/// written in policy files as an ISO 8601 duration of whole years, months, weeks and days
/// (`P1M`, `P2M`, `P7D`, `P3Y`).
///
/// Its end is computed by Reg. (EEC, Euratom) No 1182/71 Art. 3(2): the day of the event is
/// not counted, a period in days ends with the last day, one in weeks, months or years on
/// the day of the last week/month/year with the same weekday or date — or the last day of the
/// month when that date does not exist.
public struct LegalPeriod: Hashable, Sendable, CustomStringConvertible {
    public var months: Int
    public var days: Int

    public init(months: Int = 0, days: Int = 0) {
        self.months = months
        self.days = days
    }

    /// Parses `PnYnMnWnD` (at least one part, whole non-negative numbers, no time part).
    public init?(iso8601 text: String) {
        var rest = Substring(text)
        guard rest.first == "P", rest.count > 1 else { return nil }
        rest = rest.dropFirst()
        var months = 0
        var days = 0
        var lastUnitRank = -1
        let units: [Character: (rank: Int, months: Int, days: Int)] = [
            "Y": (0, 12, 0), "M": (1, 1, 0), "W": (2, 0, 7), "D": (3, 0, 1),
        ]
        while !rest.isEmpty {
            let digits = rest.prefix(while: \.isASCIIDigit)
            guard !digits.isEmpty, digits.count <= 6, let number = Int(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let unitCharacter = rest.first, let unit = units[unitCharacter],
                unit.rank > lastUnitRank
            else { return nil }
            lastUnitRank = unit.rank
            months += number * unit.months
            days += number * unit.days
            rest = rest.dropFirst()
        }
        self.init(months: months, days: days)
    }

    /// The day on which a period that starts with an event on `start` ends.
    public func end(startingOn start: CivilDate) -> CivilDate {
        let afterMonths = months == 0 ? start : start.adding(months: months)
        return days == 0 ? afterMonths : afterMonths.adding(days: days)
    }

    /// The sum of two periods (one month plus an extension of two months).
    public static func + (lhs: LegalPeriod, rhs: LegalPeriod) -> LegalPeriod {
        LegalPeriod(months: lhs.months + rhs.months, days: lhs.days + rhs.days)
    }

    /// The ISO 8601 form (`P1M`, `P3Y`, `P1M7D`).
    public var description: String {
        var text = "P"
        if months >= 12, months % 12 == 0 { text += "\(months / 12)Y" } else if months > 0 { text += "\(months)M" }
        if days > 0 { text += "\(days)D" }
        return text == "P" ? "P0D" : text
    }

    /// Whether the period has no length at all.
    public var isZero: Bool { months == 0 && days == 0 }
}

extension Character {
    /// `0`…`9` only (not other Unicode digits).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
