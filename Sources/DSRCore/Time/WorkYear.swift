/// One calendar year of a ``WorkCalendar``: which of its local days are holidays, closures,
/// working days and office days, the office seconds before each day, and the instant each day
/// begins. Built once, when a question first touches the year, and then only read.
final class WorkYear: Sendable {
    /// The day number of 1 January.
    let firstDay: Int
    /// Per day: `holiday`, `closure`, `working`, `office` bits.
    let flags: [UInt8]
    /// `officeSecondsBefore[i]`: office seconds from 1 January to the start of day i; the last
    /// entry is the year's total.
    let officeSecondsBefore: [Int64]
    /// `dayStarts[i]`: the UTC second at which day i begins; the last entry is the start of
    /// 1 January of the next year.
    private let dayStarts: [Int64]

    static let holidayBit: UInt8 = 1
    static let closureBit: UInt8 = 2
    static let workingBit: UInt8 = 4
    static let officeBit: UInt8 = 8

    /// The days of `year` under a zone, a Land's holidays, the weekly office hours and the
    /// policy's closures.
    init(
        year: Int, zone: ZoneRules, holidays: HolidayCalendar, officeHours: OfficeHours,
        closures: [Closure]
    ) {
        let firstDay = CivilDate(unchecked: year, 1, 1).dayNumber
        let dayCount = CivilDate(unchecked: year + 1, 1, 1).dayNumber - firstDay
        self.firstDay = firstDay
        dayStarts = (0...dayCount).map { zone.startOfDay(firstDay + $0).secondsSinceEpoch }
        var flags = [UInt8](repeating: 0, count: dayCount)
        for holiday in holidays.holidays(in: year) {
            flags[holiday.date.dayNumber - firstDay] |= Self.holidayBit
        }
        for closure in closures {
            if let date = closure.date.date(in: year) { flags[date.dayNumber - firstDay] |= Self.closureBit }
        }
        var officeSecondsBefore = [Int64](repeating: 0, count: dayCount + 1)
        for index in 0..<dayCount {
            let weekday = Weekday(dayNumber: firstDay + index)
            let isHoliday = flags[index] & Self.holidayBit != 0
            if !weekday.isWeekend && !isHoliday { flags[index] |= Self.workingBit }
            let sessions = officeHours.sessions(on: weekday)
            var seconds: Int64 = 0
            if !isHoliday && flags[index] & Self.closureBit == 0 && !sessions.isEmpty {
                flags[index] |= Self.officeBit
                for session in sessions {
                    seconds +=
                        Self.instant(index, session.closes.minutes, firstDay, dayStarts, zone).secondsSinceEpoch
                        - Self.instant(index, session.opens.minutes, firstDay, dayStarts, zone).secondsSinceEpoch
                }
            }
            officeSecondsBefore[index + 1] = officeSecondsBefore[index] + seconds
        }
        self.flags = flags
        self.officeSecondsBefore = officeSecondsBefore
    }

    /// The day number of 1 January of the next year (one past this year's last day).
    var endDay: Int { firstDay + flags.count }

    /// Whether a day of this year has a flag.
    @inline(__always)
    func has(_ bit: UInt8, day: Int) -> Bool { flags[day - firstDay] & bit != 0 }

    /// The first instant of a day of this year.
    @inline(__always)
    func startOfDay(_ day: Int) -> Instant { Instant(secondsSinceEpoch: dayStarts[day - firstDay]) }

    /// Office seconds of the whole days `fromDay ..< toDay`, both within this year (or `toDay`
    /// one past its end).
    @inline(__always)
    func officeSeconds(fromDay: Int, toDay: Int) -> Int64 {
        officeSecondsBefore[toDay - firstDay] - officeSecondsBefore[fromDay - firstDay]
    }

    /// The instant of a local time of day on a day of this year. On the few days on which the
    /// clocks change, the zone resolves it; on all others it is the day's start plus the minutes.
    @inline(__always)
    func instant(day: Int, minutes: Int, zone: ZoneRules) -> Instant {
        Self.instant(day - firstDay, minutes, firstDay, dayStarts, zone)
    }

    @inline(__always)
    private static func instant(
        _ index: Int, _ minutes: Int, _ firstDay: Int, _ dayStarts: [Int64], _ zone: ZoneRules
    ) -> Instant {
        guard dayStarts[index + 1] - dayStarts[index] == 86_400 else {
            return zone.instant(localSeconds: Int64(firstDay + index) * 86_400 + Int64(minutes) * 60)
        }
        return Instant(secondsSinceEpoch: dayStarts[index] + Int64(minutes) * 60)
    }
}
