import DSRCore
import Foundation
import Synchronization
import Testing

/// The work calendar builds each year's table when first asked; these tests check that the
/// answers do not depend on which thread or which question reached a year first.
@Suite("Work calendar")
struct WorkCalendarTests {
    /// Every year of receipt at once from many threads, on a fresh engine, gives the schedules
    /// of a second fresh engine asked one year after the other.
    @Test func schedulesOnFirstUseFromManyThreadsEqualSequentialOnes() throws {
        let years = Array(DeadlineEngine.supportedYears)
        let receipts = years.map { Fixtures.instant("\($0)-12-23T16:30:00+01:00") }
        let concurrent = Fixtures.engine()
        let results = Mutex([Schedule?](repeating: nil, count: receipts.count))
        DispatchQueue.concurrentPerform(iterations: receipts.count) { index in
            let facts = DeadlineFacts(received: receipts[index])
            let schedule = try? concurrent.schedule(facts, at: Fixtures.later)
            results.withLock { $0[index] = schedule }
        }
        let sequential = Fixtures.engine()
        let expected = try receipts.map {
            try sequential.schedule(DeadlineFacts(received: $0), at: Fixtures.later)
        }
        #expect(results.withLock { $0 } == expected)
    }

    /// Office seconds across the turn of a year (Heiligabend and Silvester closed, New Year a
    /// holiday) equal the sum of the single days, each asked for on its own.
    @Test func officeSecondsAcrossTheTurnOfTheYearAddUp() {
        let calendar = Fixtures.engine().calendar
        let first = Fixtures.date("2026-12-21").dayNumber
        let last = Fixtures.date("2027-01-08").dayNumber
        let whole = calendar.officeSeconds(from: calendar.startOfDay(first), to: calendar.startOfDay(last))
        let byDay = (first..<last).reduce(Int64(0)) { total, day in
            total + calendar.officeSeconds(from: calendar.startOfDay(day), to: calendar.startOfDay(day + 1))
        }
        // Mo 21 to Mi 23: 3 × 9 h; Mo 28 to Mi 30: 3 × 9 h; Fr 1 Jan: holiday;
        // Mo 4 to Do 7: 4 × 9 h; Fr 8 is not included.
        #expect(whole == byDay)
        #expect(whole == 10 * 9 * 3_600)
        #expect(!calendar.isOfficeDay(Fixtures.date("2026-12-24").dayNumber))
        #expect(calendar.isClosure(Fixtures.date("2026-12-31").dayNumber))
        #expect(calendar.isHoliday(Fixtures.date("2027-01-01").dayNumber))
    }
}
