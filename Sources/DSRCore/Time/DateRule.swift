/// How a day that recurs (or happens once) is found in a given year: the rule behind public
/// holidays and office closures.
public enum DateRule: Sendable, Equatable {
    /// The same date every year (3 October).
    case fixed(month: Int, day: Int)
    /// Days after (negative: before) Easter Sunday (Good Friday: -2, Rosenmontag: -48).
    case easter(offset: Int)
    /// The last given weekday strictly before a date (Repentance Day: the Wednesday before
    /// 23 November).
    case weekdayBefore(Weekday, month: Int, day: Int)
    /// Once only (Reformation Day 2017).
    case once(CivilDate)

    /// The date in `year`, or nil when there is none (a one-off day of another year, or
    /// 29 February in a common year).
    public func date(in year: Int) -> CivilDate? {
        switch self {
        case .fixed(let month, let day):
            return CivilDate(year: year, month: month, day: day)
        case .easter(let offset):
            return CivilDate.easterSunday(year: year).adding(days: offset)
        case .weekdayBefore(let weekday, let month, let day):
            guard let anchor = CivilDate(year: year, month: month, day: day) else { return nil }
            let daysBack = (anchor.weekday.rawValue - weekday.rawValue + 6) % 7 + 1
            return anchor.adding(days: -daysBack)
        case .once(let date):
            return date.year == year ? date : nil
        }
    }
}
