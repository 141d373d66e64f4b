/// Which local days are working days and office days, and how many office seconds lie
/// between two instants — precomputed per year of the supported years, when a question first
/// reaches that year, so each question costs a table look-up.
///
/// A *working day* is neither Saturday, Sunday nor a public holiday (Reg. 1182/71 Art. 3(4)).
/// An *office day* is a day with office sessions by the weekly hours that is neither a public
/// holiday nor a closure. Closures are not holidays: they never move a legal deadline.
public struct WorkCalendar: Sendable {
    public let zone: ZoneRules
    public let officeHours: OfficeHours
    /// The tables of the years, built as questions reach them.
    private let years: WorkYears

    /// The calendar of the given years.
    public init(
        years: ClosedRange<Int>, zone: ZoneRules, holidays: HolidayCalendar,
        officeHours: OfficeHours, closures: [Closure]
    ) {
        self.zone = zone
        self.officeHours = officeHours
        self.years = WorkYears(
            years: years, zone: zone, holidays: holidays, officeHours: officeHours, closures: closures)
    }

    /// Whether a day number lies in the table.
    @inline(__always)
    public func covers(_ day: Int) -> Bool { day >= years.firstDay && day < years.endDay }

    /// Whether a covered day has a flag of its year's table.
    @inline(__always)
    private func has(_ bit: UInt8, day: Int) -> Bool {
        covers(day) && years.year(containing: day).has(bit, day: day)
    }

    /// Neither weekend nor public holiday. Days outside the table count as working days.
    @inline(__always)
    public func isWorkingDay(_ day: Int) -> Bool {
        guard covers(day) else { return !Weekday(dayNumber: day).isWeekend }
        return years.year(containing: day).has(WorkYear.workingBit, day: day)
    }

    /// Whether the office opens on that day.
    @inline(__always)
    public func isOfficeDay(_ day: Int) -> Bool {
        has(WorkYear.officeBit, day: day)
    }

    /// Whether the day is a public holiday of the Land.
    public func isHoliday(_ day: Int) -> Bool {
        has(WorkYear.holidayBit, day: day)
    }

    /// Whether the day is an office closure by the policy.
    public func isClosure(_ day: Int) -> Bool {
        has(WorkYear.closureBit, day: day)
    }

    /// The day itself if it is a working day, else the next one (Reg. 1182/71 Art. 3(4)).
    @inline(__always)
    public func workingDay(onOrAfter day: Int) -> Int {
        var day = day
        while !isWorkingDay(day) { day += 1 }
        return day
    }

    /// The first instant at or after `instant` at which the office is open, or nil if it
    /// does not open again within the table.
    public func officeOpening(atOrAfter instant: Instant) -> Instant? {
        var day = zone.localDayNumber(at: instant)
        while covers(day) {
            let year = years.year(containing: day)
            if year.has(WorkYear.officeBit, day: day) {
                for session in officeHours.sessions(on: Weekday(dayNumber: day)) {
                    let (opens, closes) = sessionBounds(session, day: day, in: year)
                    if instant < closes { return max(instant, opens) }
                }
            }
            day += 1
        }
        return nil
    }

    /// When the office closes for the last time on or before a day, or nil if it never
    /// opened within the table.
    public func lastOfficeClose(onOrBefore day: Int) -> Instant? {
        var day = day
        while covers(day) {
            let year = years.year(containing: day)
            if year.has(WorkYear.officeBit, day: day), let last = officeHours.sessions(on: Weekday(dayNumber: day)).last
            {
                return sessionBounds(last, day: day, in: year).closes
            }
            day -= 1
        }
        return nil
    }

    /// Seconds during which the office is open between two instants (0 if `end` ≤ `start`).
    public func officeSeconds(from start: Instant, to end: Instant) -> Int64 {
        guard start < end else { return 0 }
        let startDay = zone.localDayNumber(at: start)
        let endDay = zone.localDayNumber(at: end)
        if startDay == endDay { return officeSeconds(onDay: startDay, from: start, to: end) }
        let dayStart = startOfDay(endDay)
        return officeSeconds(onDay: startDay, from: start, to: startOfDay(startDay + 1))
            + cumulativeOfficeSeconds(fromDay: startDay + 1, toDay: endDay)
            + officeSeconds(onDay: endDay, from: dayStart, to: end)
    }

    /// Office seconds of the whole days `fromDay ..< toDay`, clamped to the table.
    @inline(__always)
    private func cumulativeOfficeSeconds(fromDay: Int, toDay: Int) -> Int64 {
        var day = max(fromDay, years.firstDay)
        let end = min(toDay, years.endDay)
        var total: Int64 = 0
        while day < end {
            let year = years.year(containing: day)
            let upper = min(end, year.endDay)
            total += year.officeSeconds(fromDay: day, toDay: upper)
            day = upper
        }
        return total
    }

    /// Office seconds on one day between two instants of that day.
    private func officeSeconds(onDay day: Int, from start: Instant, to end: Instant) -> Int64 {
        guard covers(day) else { return 0 }
        let year = years.year(containing: day)
        guard year.has(WorkYear.officeBit, day: day) else { return 0 }
        var total: Int64 = 0
        for session in officeHours.sessions(on: Weekday(dayNumber: day)) {
            let (opens, closes) = sessionBounds(session, day: day, in: year)
            let from = max(opens, start)
            let to = min(closes, end)
            if from < to { total += to.secondsSinceEpoch - from.secondsSinceEpoch }
        }
        return total
    }

    /// The first instant of a local day.
    @inline(__always)
    public func startOfDay(_ day: Int) -> Instant {
        guard covers(day) else { return zone.startOfDay(day) }
        return years.year(containing: day).startOfDay(day)
    }

    /// The last second of a local day.
    @inline(__always)
    public func endOfDay(_ day: Int) -> Instant {
        startOfDay(day + 1).adding(seconds: -1)
    }

    /// The instants at which a session opens and closes on a local day of `year`.
    @inline(__always)
    private func sessionBounds(_ session: OfficeSession, day: Int, in year: WorkYear) -> (
        opens: Instant, closes: Instant
    ) {
        (
            year.instant(day: day, minutes: session.opens.minutes, zone: zone),
            year.instant(day: day, minutes: session.closes.minutes, zone: zone)
        )
    }
}
