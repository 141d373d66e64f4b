/// One statutory public holiday as data: how its date is found, in which Länder and years it
/// applies, and the law it comes from.
public struct HolidayRule: Sendable, Equatable {
    /// German name ("Fronleichnam").
    public var name: String
    /// English name ("Corpus Christi").
    public var englishName: String
    /// How its date is found in a year.
    public var date: DateRule
    /// The Länder whose law designates the day.
    public var lands: Set<Land>
    /// First and last year in which the rule holds (inclusive); nil: open.
    public var validFrom: Int?
    public var validTo: Int?
    /// The law and section that designate the day.
    public var source: String

    public init(
        name: String, englishName: String, date: DateRule, lands: Set<Land>,
        validFrom: Int? = nil, validTo: Int? = nil, source: String
    ) {
        self.name = name
        self.englishName = englishName
        self.date = date
        self.lands = lands
        self.validFrom = validFrom
        self.validTo = validTo
        self.source = source
    }

    /// The date of the holiday in `year` for `land`, or nil if it does not apply there then.
    public func date(in year: Int, for land: Land) -> CivilDate? {
        guard lands.contains(land) else { return nil }
        if let validFrom, year < validFrom { return nil }
        if let validTo, year > validTo { return nil }
        return date.date(in: year)
    }
}

/// A public holiday on a given date, as listed by a calendar.
public struct Holiday: Sendable, Equatable {
    public var date: CivilDate
    public var name: String
    public var englishName: String
    public var source: String
}
