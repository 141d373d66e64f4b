import DSRCore
import Testing

@Suite("Deadline engine")
struct DeadlineEngineTests {
    let engine = Fixtures.engine
    let received = Fixtures.instant("2026-01-31 10:00")  // deadline Mon 2026-03-02

    @Test("an extension notified in time with reasons takes effect")
    func extensionInEffect() throws {
        let facts = DeadlineFacts(
            received: received,
            extensionNotice: ExtensionNotice(notifiedAt: Fixtures.instant("2026-02-20 10:00"), hasReasons: true))
        let schedule = try engine.schedule(facts, at: Fixtures.instant("2026-03-10 10:00"))
        #expect(schedule.extensionState == .inEffect)
        #expect(schedule.dueDate == Fixtures.date("2026-04-30"))
        #expect(schedule.status == .open)
        #expect(ISOFormat.zoned(schedule.internalDue, zone: engine.zone) == "2026-04-30T17:00:00+02:00")
    }

    @Test("an extension notified after the deadline, or without reasons, is flagged and moves nothing")
    func nonCompliantExtensions() throws {
        let late = try engine.schedule(
            DeadlineFacts(
                received: received,
                extensionNotice: ExtensionNotice(notifiedAt: Fixtures.instant("2026-03-03 09:00"), hasReasons: true)),
            at: Fixtures.instant("2026-03-10 10:00"))
        #expect(late.extensionState == .notifiedLate)
        #expect(late.dueDate == Fixtures.date("2026-03-02"))
        #expect(late.status == .overdue)
        let bare = try engine.schedule(
            DeadlineFacts(
                received: received,
                extensionNotice: ExtensionNotice(notifiedAt: Fixtures.instant("2026-02-10 09:00"), hasReasons: false)),
            at: Fixtures.instant("2026-02-10 10:00"))
        #expect(bare.extensionState == .withoutReasons)
        #expect(bare.dueDate == Fixtures.date("2026-03-02"))
    }

    @Test("status follows answers, the deadline and the escalation threshold")
    func status() throws {
        let facts = DeadlineFacts(received: received)
        // Fri 27 Feb 12:00: 1 h Friday + 9 h Monday = 10 office hours left < 16.
        let atRisk = try engine.schedule(facts, at: Fixtures.instant("2026-02-27 12:00"))
        #expect(atRisk.status == .atRisk)
        #expect(atRisk.officeSecondsLeft == 10 * 3600)
        #expect(try engine.schedule(facts, at: Fixtures.instant("2026-02-02 12:00")).status == .open)
        #expect(try engine.schedule(facts, at: Fixtures.instant("2026-03-03 00:00")).status == .overdue)
        // The last second of the deadline day still counts as on time.
        var answered = facts
        answered.answeredAt = Fixtures.instant("2026-03-02 23:59:59")
        #expect(try engine.schedule(answered, at: Fixtures.later).status == .answeredOnTime)
        answered.answeredAt = Fixtures.instant("2026-03-03 00:00")
        #expect(try engine.schedule(answered, at: Fixtures.later).status == .answeredLate)
    }

    @Test("an open clock stop pauses the case and keeps moving the deadline")
    func openClockStop() throws {
        let facts = DeadlineFacts(
            received: Fixtures.instant("2026-03-02 10:00"),
            clockStops: [ClockStop(requested: Fixtures.instant("2026-03-03 11:00"))])
        let schedule = try engine.schedule(facts, at: Fixtures.instant("2026-03-13 10:00"))
        #expect(schedule.isPaused)
        #expect(schedule.status == .paused)
        #expect(schedule.pausedDays == 10)
        #expect(schedule.deadline == Fixtures.date("2026-04-13"))  // 04-02 + 10 days = Sun 12th → Mon
    }

    @Test("overlapping clock stops count each day once")
    func overlappingClockStops() throws {
        let facts = DeadlineFacts(
            received: Fixtures.instant("2026-03-02 10:00"),
            clockStops: [
                ClockStop(
                    requested: Fixtures.instant("2026-03-03 11:00"), resumed: Fixtures.instant("2026-03-10 09:00")),
                ClockStop(
                    requested: Fixtures.instant("2026-03-05 11:00"), resumed: Fixtures.instant("2026-03-12 09:00")),
                ClockStop(
                    requested: Fixtures.instant("2026-03-20 11:00"), resumed: Fixtures.instant("2026-03-21 09:00")),
            ])
        #expect(try engine.schedule(facts, at: Fixtures.later).pausedDays == 10)  // 3→12 and 20→21
    }

    @Test("civil claims take the claimant's date as it is, without extension")
    func civilClaim() throws {
        let facts = DeadlineFacts(received: received, kind: .injunction, claimantDue: Fixtures.date("2026-02-07"))
        let schedule = try engine.schedule(facts, at: Fixtures.instant("2026-02-02 10:00"))
        #expect(schedule.deadline == Fixtures.date("2026-02-07"))  // a Saturday, not moved
        #expect(schedule.extendedDeadline == nil)
        #expect(schedule.extensionState == .notAvailable)
        #expect(ISOFormat.zoned(schedule.internalDue, zone: engine.zone) == "2026-02-06T13:00:00+01:00")
        #expect(throws: DSRCoreError.missingClaimantDate(.removal)) {
            try engine.schedule(DeadlineFacts(received: received, kind: .removal), at: received)
        }
    }

    @Test("next-office-day receipt: a Saturday request counts from Monday")
    func nextOfficeDayReceipt() throws {
        let nextDay = Fixtures.engine { $0.receiptRule = .nextOfficeDay }
        let schedule = try nextDay.schedule(DeadlineFacts(received: received), at: received)
        #expect(schedule.receiptDate == Fixtures.date("2026-02-02"))
        #expect(schedule.deadline == Fixtures.date("2026-03-02"))
        // Friday 14:00 is after Friday's closing: counts as Monday.
        let friday = try nextDay.schedule(DeadlineFacts(received: Fixtures.instant("2026-03-06 14:00")), at: received)
        #expect(friday.receiptDate == Fixtures.date("2026-03-09"))
        #expect(friday.deadline == Fixtures.date("2026-04-09"))
    }

    @Test("office receipt is the moment itself inside office hours, else the next opening")
    func officeReceipt() throws {
        let zone = engine.zone
        func officeReceipt(_ text: String) throws -> String {
            ISOFormat.zoned(
                try engine.schedule(DeadlineFacts(received: Fixtures.instant(text)), at: Fixtures.later).officeReceipt,
                zone: zone)
        }
        #expect(try officeReceipt("2026-02-03 10:15") == "2026-02-03T10:15:00+01:00")
        #expect(try officeReceipt("2026-02-03 17:00") == "2026-02-04T08:00:00+01:00")
        #expect(try officeReceipt("2026-02-06 13:00") == "2026-02-09T08:00:00+01:00")
        #expect(try officeReceipt("2026-04-02 18:00") == "2026-04-07T08:00:00+02:00")  // Good Friday, Easter Monday
        #expect(try officeReceipt("2026-12-23 17:30") == "2026-12-28T08:00:00+01:00")  // closure, holidays, weekend
    }

    @Test("receipts outside 1995–2100 are refused")
    func supportedRange() {
        #expect(throws: DSRCoreError.outOfSupportedRange(year: 1994)) {
            try engine.schedule(DeadlineFacts(received: Fixtures.instant("1994-12-31 10:00")), at: Fixtures.later)
        }
        #expect(throws: DSRCoreError.outOfSupportedRange(year: 2101)) {
            try engine.schedule(DeadlineFacts(received: Fixtures.instant("2101-01-01 10:00")), at: Fixtures.later)
        }
    }

    @Test("an unknown time zone is an error, not a crash")
    func unknownZone() {
        #expect(throws: DSRCoreError.unknownTimeZone("Mars/Olympus")) {
            _ = try DeadlineEngine(
                policy: {
                    var policy = Fixtures.kaiserslautern.policy
                    policy.timeZone = "Mars/Olympus"
                    return policy
                }(),
                holidayRules: Fixtures.kaiserslautern.holidayRules)
        }
    }
}
