/// Which local days are working days and office days, and how many office seconds lie
/// between two instants — precomputed once per policy for every day of the supported years,
/// so each question costs a table look-up.
///
/// A *working day* is neither Saturday, Sunday nor a public holiday (Reg. 1182/71 Art. 3(4)).
/// An *office day* is a day with office sessions by the weekly hours that is neither a public
/// holiday nor a closure. Closures are not holidays: they never move a legal deadline.
public struct WorkCalendar: Sendable {
    public let zone: ZoneRules
    public let officeHours: OfficeHours
    /// The day number of the first day in the table.
    private let firstDay: Int
    /// Per day: `holiday`, `closure`, `working`, `office` bits.
    private let flags: [UInt8]
    /// `officeSecondsBefore[i]`: office seconds from the table's start to the start of day i.
    private let officeSecondsBefore: [Int64]
    /// `dayStarts[i]`: the UTC instant (seconds) at which local day i begins; one more at the end.
    private let dayStarts: [Int64]

    private static let holidayBit: UInt8 = 1
    private static let closureBit: UInt8 = 2
    private static let workingBit: UInt8 = 4
    private static let officeBit: UInt8 = 8

    /// The table for the given years.
    public init(
        years: ClosedRange<Int>, zone: ZoneRules, holidays: HolidayCalendar,
        officeHours: OfficeHours, closures: [Closure]
    ) {
        self.zone = zone
        self.officeHours = officeHours
        let firstDay = CivilDate(unchecked: years.lowerBound, 1, 1).dayNumber
        self.firstDay = firstDay
        let dayCount = CivilDate(unchecked: years.upperBound, 12, 31).dayNumber - firstDay + 1
        let dayStarts = (0...dayCount).map { zone.startOfDay(firstDay + $0).secondsSinceEpoch }
        self.dayStarts = dayStarts
        var flags = [UInt8](repeating: 0, count: dayCount)
        for year in years {
            for holiday in holidays.holidays(in: year) {
                flags[holiday.date.dayNumber - firstDay] |= Self.holidayBit
            }
            for closure in closures {
                if let date = closure.date.date(in: year) {
                    flags[date.dayNumber - firstDay] |= Self.closureBit
                }
            }
        }
        var officeSecondsBefore = [Int64](repeating: 0, count: dayCount + 1)
        for index in 0..<dayCount {
            let day = firstDay + index
            let weekday = Weekday(dayNumber: day)
            let isHoliday = flags[index] & Self.holidayBit != 0
            if !weekday.isWeekend && !isHoliday { flags[index] |= Self.workingBit }
            var seconds: Int64 = 0
            if !isHoliday && flags[index] & Self.closureBit == 0
                && !officeHours.sessions(on: weekday).isEmpty
            {
                flags[index] |= Self.officeBit
                for session in officeHours.sessions(on: weekday) {
                    let instant = { minutes in
                        Self.instant(day: day, minutes: minutes, firstDay: firstDay, dayStarts: dayStarts, zone: zone)
                    }
                    seconds +=
                        instant(session.closes.minutes).secondsSinceEpoch
                        - instant(session.opens.minutes).secondsSinceEpoch
                }
            }
            officeSecondsBefore[index + 1] = officeSecondsBefore[index] + seconds
        }
        self.flags = flags
        self.officeSecondsBefore = officeSecondsBefore
    }

    /// Whether a day number lies in the table.
    @inline(__always)
    public func covers(_ day: Int) -> Bool { day >= firstDay && day - firstDay < flags.count }

    /// Neither weekend nor public holiday. Days outside the table count as working days.
    @inline(__always)
    public func isWorkingDay(_ day: Int) -> Bool {
        guard covers(day) else { return !Weekday(dayNumber: day).isWeekend }
        return flags[day - firstDay] & Self.workingBit != 0
    }

    /// Whether the office opens on that day.
    @inline(__always)
    public func isOfficeDay(_ day: Int) -> Bool {
        covers(day) && flags[day - firstDay] & Self.officeBit != 0
    }

    /// Whether the day is a public holiday of the Land.
    public func isHoliday(_ day: Int) -> Bool {
        covers(day) && flags[day - firstDay] & Self.holidayBit != 0
    }

    /// Whether the day is an office closure by the policy.
    public func isClosure(_ day: Int) -> Bool {
        covers(day) && flags[day - firstDay] & Self.closureBit != 0
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
            if isOfficeDay(day) {
                for session in officeHours.sessions(on: Weekday(dayNumber: day)) {
                    let (opens, closes) = sessionBounds(session, day: day)
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
            if isOfficeDay(day), let last = officeHours.sessions(on: Weekday(dayNumber: day)).last {
                return sessionBounds(last, day: day).closes
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
        let lower = min(max(fromDay - firstDay, 0), flags.count)
        let upper = min(max(toDay - firstDay, 0), flags.count)
        return upper > lower ? officeSecondsBefore[upper] - officeSecondsBefore[lower] : 0
    }

    /// Office seconds on one day between two instants of that day.
    private func officeSeconds(onDay day: Int, from start: Instant, to end: Instant) -> Int64 {
        guard isOfficeDay(day) else { return 0 }
        var total: Int64 = 0
        for session in officeHours.sessions(on: Weekday(dayNumber: day)) {
            let (opens, closes) = sessionBounds(session, day: day)
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
        return Instant(secondsSinceEpoch: dayStarts[day - firstDay])
    }

    /// The last second of a local day.
    @inline(__always)
    public func endOfDay(_ day: Int) -> Instant {
        startOfDay(day + 1).adding(seconds: -1)
    }

    /// The instant of a local time of day on a local day. On the few days on which the clocks
    /// change, the zone resolves it; on all others it is the day's start plus the minutes.
    @inline(__always)
    func instant(day: Int, minutes: Int) -> Instant {
        Self.instant(day: day, minutes: minutes, firstDay: firstDay, dayStarts: dayStarts, zone: zone)
    }

    @inline(__always)
    private static func instant(
        day: Int, minutes: Int, firstDay: Int, dayStarts: [Int64], zone: ZoneRules
    ) -> Instant {
        let index = day - firstDay
        guard index >= 0, index + 1 < dayStarts.count, dayStarts[index + 1] - dayStarts[index] == 86_400
        else { return zone.instant(localSeconds: Int64(day) * 86_400 + Int64(minutes) * 60) }
        return Instant(secondsSinceEpoch: dayStarts[index] + Int64(minutes) * 60)
    }

    /// The instants at which a session opens and closes on a local day.
    @inline(__always)
    private func sessionBounds(_ session: OfficeSession, day: Int) -> (opens: Instant, closes: Instant) {
        (instant(day: day, minutes: session.opens.minutes), instant(day: day, minutes: session.closes.minutes))
    }
}
