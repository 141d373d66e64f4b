/// The public holidays of one Land, from holiday rules kept as data.
public struct HolidayCalendar: Sendable {
    public let land: Land
    private let rules: [HolidayRule]

    /// The calendar of `land` from the rules of all Länder (those of other Länder are dropped).
    public init(land: Land, rules: [HolidayRule]) {
        self.land = land
        self.rules = rules.filter { $0.lands.contains(land) }
    }

    /// The holidays of a year, by date. A day two rules give is listed once: under both names
    /// when they are different holidays (Ascension on 1 May 2008), under the first when one
    /// name extends the other (Reformation Day 2017 in Saxony).
    public func holidays(in year: Int) -> [Holiday] {
        var byDate: [CivilDate: Holiday] = [:]
        for rule in rules {
            guard let date = rule.date(in: year, for: land) else { continue }
            guard var existing = byDate[date] else {
                byDate[date] = Holiday(
                    date: date, name: rule.name, englishName: rule.englishName, source: rule.source)
                continue
            }
            if !rule.name.hasPrefix(existing.name) && !existing.name.hasPrefix(rule.name) {
                existing.name += " / " + rule.name
                existing.englishName += " / " + rule.englishName
                existing.source += "; " + rule.source
                byDate[date] = existing
            }
        }
        return byDate.values.sorted { $0.date < $1.date }
    }
}
