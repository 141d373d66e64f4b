import DSRCore
import Testing

@Suite("Acknowledgement of receipt (docs/LEGAL.md R4a)")
struct AcknowledgementTests {
    @Test(
        "the target is the office close of the N-th office day after receipt",
        arguments: [
            ("A1", "2026-11-24 10:15", "2026-11-25T17:00:00+01:00"),
            ("A2", "2026-11-27 16:00", "2026-11-30T17:00:00+01:00"),
            ("A3", "2026-12-23 09:00", "2026-12-28T17:00:00+01:00"),
            ("Saturday", "2026-11-28 11:00", "2026-11-30T17:00:00+01:00"),
        ])
    func examples(_ tag: String, _ received: String, _ due: String) {
        #expect(
            Fixtures.engine.acknowledgementDue(receivedAt: Fixtures.instant(received)) == Fixtures.instant(due),
            "\(tag)")
    }

    @Test("with a target of 0 office days: the day of receipt, or the next office day")
    func sameDay() {
        let engine = Fixtures.engine { $0.acknowledgementOfficeDays = 0 }
        #expect(
            engine.acknowledgementDue(receivedAt: Fixtures.instant("2026-11-24 10:15"))
                == Fixtures.instant("2026-11-24T17:00:00+01:00"))
        #expect(
            engine.acknowledgementDue(receivedAt: Fixtures.instant("2026-11-28 10:15"))
                == Fixtures.instant("2026-11-30T17:00:00+01:00"))
    }

    @Test("a case owes it until it is acknowledged or no longer owes an answer; its status is due, then late")
    func owed() throws {
        let engine = Fixtures.engine
        let received = Fixtures.instant("2026-11-24 10:15")
        let first = EventRecord(
            id: EventID(1), caseID: CaseID("2026-00001")!,
            event: .received(kinds: [.access], channel: .email, claimantDue: nil, policyHash: "x"),
            occurredAt: received, recordedAt: received, actor: "clerk")
        var state = try #require(CaseState(first: first))
        let due = try engine.schedule(for: state, at: received).acknowledgementDue
        #expect(due == Fixtures.instant("2026-11-25T17:00:00+01:00"))
        #expect(AcknowledgementStatus(due: due, at: Fixtures.instant("2026-11-25 16:59")) == .due)
        #expect(AcknowledgementStatus(due: due, at: Fixtures.instant("2026-11-25 17:01")) == .late)
        state.apply(
            EventRecord(
                id: EventID(2), caseID: state.id, event: .acknowledged,
                occurredAt: Fixtures.instant("2026-11-26 09:00"),
                recordedAt: received, actor: "clerk"))
        #expect(try engine.schedule(for: state, at: received).acknowledgementDue == nil)
    }
}
