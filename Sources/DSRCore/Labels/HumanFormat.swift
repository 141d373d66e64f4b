/// Formats dates and instants for people, in German (`Mo 02.03.2026 17:00`) or English
/// (`Mon 2026-03-02 17:00`), in the policy's time zone.
public struct HumanFormat: Sendable {
    public let language: Language
    public let zone: ZoneRules

    public init(language: Language, zone: ZoneRules) {
        self.language = language
        self.zone = zone
    }

    /// `Mo 02.03.2026` / `Mon 2026-03-02`.
    public func date(_ date: CivilDate) -> String {
        let weekday = weekdayName(date.weekday)
        switch language {
        case .de: return "\(weekday) \(two(date.day)).\(two(date.month)).\(date.year)"
        case .en: return "\(weekday) \(date)"
        }
    }

    /// `Mo 02.03.2026 17:00 (+01:00)`; seconds are shown when not zero.
    public func instant(_ instant: Instant) -> String {
        let offset = zone.offset(at: instant)
        let day = zone.localDayNumber(at: instant)
        let secondOfDay = Int(instant.secondsSinceEpoch + offset - Int64(day) * 86_400)
        var time = "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60))"
        if secondOfDay % 60 != 0 { time += ":\(two(secondOfDay % 60))" }
        return "\(date(CivilDate(dayNumber: day))) \(time) (\(ISOFormat.offset(offset)))"
    }

    /// Two-letter German or three-letter English weekday.
    public func weekdayName(_ weekday: Weekday) -> String {
        let german = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
        let english = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return (language == .de ? german : english)[weekday.rawValue - 1]
    }

    /// A legal period in words: `1 Monat`, `3 months`, `7 Tage`.
    public func period(_ period: LegalPeriod) -> String {
        var parts: [String] = []
        if period.months >= 12, period.months % 12 == 0 {
            let years = period.months / 12
            parts.append("\(years) " + (years == 1 ? language.pick("Jahr", "year") : language.pick("Jahre", "years")))
        } else if period.months > 0 {
            parts.append(
                "\(period.months) "
                    + (period.months == 1
                        ? language.pick("Monat", "month") : language.pick("Monate", "months")))
        }
        if period.days > 0 || parts.isEmpty {
            parts.append(
                "\(period.days) "
                    + (period.days == 1 ? language.pick("Tag", "day") : language.pick("Tage", "days")))
        }
        return parts.joined(separator: language.pick(" und ", " and "))
    }

    /// Hours with one decimal: `140,0` / `140.0`.
    public func hours(_ hours: Double) -> String {
        let tenths = Int((hours * 10).rounded())
        return "\(tenths / 10)\(language.pick(",", "."))\(tenths % 10)"
    }

    private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
