import DSRCore
import Testing

/// The worked examples of LEGAL.md, by tag, with the Kaiserslautern policy (Rhineland-Palatinate,
/// Europe/Berlin, calendar-day receipt).
@Suite("LEGAL.md worked examples")
struct WorkedExamplesTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let tag: String
        let received: String
        let deadline: String
        var testDescription: String { "\(tag): \(received) → \(deadline)" }
    }

    // Official examples (ICO, EDPB) placed in years where they apply in Rhineland-Palatinate;
    // ICO-1's 3 October is always German Unity Day here, so it rolls to the 4th.
    static let oneMonth: [Example] = [
        Example(tag: "ICO-1", received: "2029-09-03 10:00", deadline: "2029-10-04"),
        Example(tag: "ICO-2", received: "2027-01-01 10:00", deadline: "2027-02-01"),
        Example(tag: "ICO-3", received: "2024-11-25 10:00", deadline: "2024-12-27"),
        Example(tag: "ICO-4", received: "2029-01-31 10:00", deadline: "2029-02-28"),
        Example(tag: "ICO-4 leap", received: "2028-01-31 10:00", deadline: "2028-02-29"),
        Example(tag: "ICO-4 weekend", received: "2026-01-31 10:00", deadline: "2026-03-02"),
        Example(tag: "ICO-5", received: "2027-03-31 10:00", deadline: "2027-04-30"),
        Example(tag: "EDPB-32", received: "2027-03-05 10:00", deadline: "2027-04-05"),
        Example(tag: "EDPB-33", received: "2027-08-31 10:00", deadline: "2027-09-30"),
        Example(tag: "D1", received: "2026-01-31 10:00", deadline: "2026-03-02"),
        Example(tag: "D2", received: "2028-01-31 10:00", deadline: "2028-02-29"),
        Example(tag: "D3", received: "2027-01-31 10:00", deadline: "2027-03-01"),
        Example(tag: "D4", received: "2026-03-03 10:00", deadline: "2026-04-07"),
        Example(tag: "D5", received: "2026-03-06 10:00", deadline: "2026-04-07"),
        Example(tag: "D6", received: "2026-04-25 10:00", deadline: "2026-05-26"),
        Example(tag: "D7", received: "2026-05-04 10:00", deadline: "2026-06-05"),
        Example(tag: "D8", received: "2028-09-03 10:00", deadline: "2028-10-04"),
        Example(tag: "D9", received: "2027-10-01 10:00", deadline: "2027-11-02"),
        Example(tag: "D10", received: "2026-11-25 10:00", deadline: "2026-12-28"),
        Example(tag: "D11", received: "2026-11-24 10:00", deadline: "2026-12-24"),
        Example(tag: "D12", received: "2028-11-30 10:00", deadline: "2029-01-02"),
        Example(tag: "D13", received: "2028-03-31 10:00", deadline: "2028-05-02"),
        Example(tag: "D16", received: "2026-03-28T23:30:00Z", deadline: "2026-04-29"),
        Example(tag: "D17 summer time", received: "2026-10-25T02:30:00+02:00", deadline: "2026-11-25"),
        Example(tag: "D17 winter time", received: "2026-10-25T02:30:00+01:00", deadline: "2026-11-25"),
        Example(tag: "D18", received: "2027-02-28 10:00", deadline: "2027-03-30"),
    ]

    @Test(arguments: oneMonth)
    func oneMonthDeadline(_ example: Example) throws {
        let schedule = try Fixtures.engine.schedule(
            DeadlineFacts(received: Fixtures.instant(example.received)), at: Fixtures.later)
        #expect(schedule.deadline == Fixtures.date(example.deadline))
        #expect(schedule.deadline.weekday.isWeekend == false)
    }

    static let extended: [Example] = [
        Example(tag: "D14", received: "2026-01-31 10:00", deadline: "2026-04-30"),
        Example(tag: "D15", received: "2027-02-27 10:00", deadline: "2027-05-28"),
    ]

    @Test(arguments: extended)
    func extendedDeadline(_ example: Example) throws {
        let schedule = try Fixtures.engine.schedule(
            DeadlineFacts(received: Fixtures.instant(example.received)), at: Fixtures.later)
        #expect(schedule.extendedDeadline == Fixtures.date(example.deadline))
    }

    @Test("D11: 24 Dec is no holiday, but the office is closed: internal due Wed 23 Dec 17:00")
    func christmasEveClosure() throws {
        let schedule = try Fixtures.engine.schedule(
            DeadlineFacts(received: Fixtures.instant("2026-11-24 10:00")), at: Fixtures.later)
        #expect(schedule.deadline == Fixtures.date("2026-12-24"))
        #expect(ISOFormat.zoned(schedule.internalDue, zone: Fixtures.engine.zone) == "2026-12-23T17:00:00+01:00")
    }

    @Test("D16: the deadline ends 23:59:59 in summer time")
    func deadlineEndInSummerTime() throws {
        let schedule = try Fixtures.engine.schedule(
            DeadlineFacts(received: Fixtures.instant("2026-03-28T23:30:00Z")), at: Fixtures.later)
        #expect(schedule.receiptDate == Fixtures.date("2026-03-29"))
        #expect(ISOFormat.zoned(schedule.deadlineEnd, zone: Fixtures.engine.zone) == "2026-04-29T23:59:59+02:00")
    }

    @Test("D17: both occurrences of 02:30 end 23:59:59+01:00")
    func deadlineEndInWinterTime() throws {
        for received in ["2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00"] {
            let schedule = try Fixtures.engine.schedule(
                DeadlineFacts(received: Fixtures.instant(received)), at: Fixtures.later)
            #expect(ISOFormat.zoned(schedule.deadlineEnd, zone: Fixtures.engine.zone) == "2026-11-25T23:59:59+01:00")
        }
    }

    @Test("D19: identity asked 03-03, arrived 03-10 — suspend 04-09, restart 04-10")
    func clockStopModes() throws {
        let facts = DeadlineFacts(
            received: Fixtures.instant("2026-03-02 10:00"),
            clockStops: [
                ClockStop(
                    requested: Fixtures.instant("2026-03-03 11:00"), resumed: Fixtures.instant("2026-03-10 09:00"))
            ])
        let suspended = try Fixtures.engine.schedule(facts, at: Fixtures.later)
        #expect(suspended.deadline == Fixtures.date("2026-04-09"))
        #expect(suspended.pausedDays == 7)
        let restarted = try Fixtures.engine { $0.clockStop = .restart }.schedule(facts, at: Fixtures.later)
        #expect(restarted.deadline == Fixtures.date("2026-04-10"))
    }
}
