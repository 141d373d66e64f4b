import DSRCore
import Testing

/// Properties that hold for every receipt moment, checked on many random instants with a
/// fixed seed (so a failure is reproducible).
@Suite("Deadline properties")
struct DeadlinePropertyTests {
    static let first = Fixtures.instant("1995-01-01 00:00").secondsSinceEpoch
    static let last = Fixtures.instant("2100-12-31 23:59").secondsSinceEpoch

    @Test("deadlines are working days, never early, and internal due comes before the end", arguments: [1, 2, 3, 4])
    func invariants(seed: UInt64) throws {
        let engine = Fixtures.engine
        let zone = engine.zone
        let holidays = engine.holidayCalendar
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<5_000 {
            let received = Instant(secondsSinceEpoch: Int64.random(in: Self.first...Self.last, using: &generator))
            let schedule = try engine.schedule(DeadlineFacts(received: received), at: received)
            let receipt = schedule.receiptDate
            let isHoliday = { (date: CivilDate) in holidays.holidays(in: date.year).contains { $0.date == date } }

            #expect(receipt.dayNumber == zone.localDayNumber(at: received))
            #expect(!schedule.deadline.weekday.isWeekend && !isHoliday(schedule.deadline))
            let monthLater = receipt.adding(months: 1)
            #expect(schedule.deadline >= monthLater)
            var skipped = monthLater
            while skipped < schedule.deadline {  // every day skipped was a weekend or holiday
                #expect(skipped.weekday.isWeekend || isHoliday(skipped))
                skipped = skipped.adding(days: 1)
            }
            let extended = try #require(schedule.extendedDeadline)
            #expect(extended >= schedule.deadline && extended >= receipt.adding(months: 3))
            #expect(!extended.weekday.isWeekend && !isHoliday(extended))
            #expect(schedule.internalDue <= schedule.deadlineEnd)
            #expect(schedule.officeReceipt >= received)
            #expect(zone.localDayNumber(at: schedule.deadlineEnd) == schedule.deadline.dayNumber)
            #expect(zone.localDayNumber(at: schedule.deadlineEnd.adding(seconds: 1)) == schedule.deadline.dayNumber + 1)
        }
    }

    @Test("office hours left shrink as time passes and are zero after internal due")
    func officeHoursMonotone() throws {
        let engine = Fixtures.engine
        var generator = SeededGenerator(seed: 99)
        for _ in 0..<500 {
            let received = Instant(secondsSinceEpoch: Int64.random(in: Self.first...Self.last, using: &generator))
            var previous = Int64.max
            for hours in stride(from: 0, through: 24 * 40, by: 7) {
                let now = received.adding(seconds: Int64(hours) * 3600)
                let schedule = try engine.schedule(DeadlineFacts(received: received), at: now)
                #expect(schedule.officeSecondsLeft <= previous)
                #expect(schedule.officeSecondsLeft >= 0)
                if now >= schedule.internalDue { #expect(schedule.officeSecondsLeft == 0) }
                previous = schedule.officeSecondsLeft
            }
        }
    }
}
