import DSRCore
import DSRLedger
import DSRTestSupport
import Foundation
import Testing

@testable import DSRStore

@Suite("Case store")
struct CaseStoreTests {
    @Test("logging numbers cases per year of receipt and projects their schedule")
    func logging() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let first = try fixture.log("2026-01-31 10:00")
        let second = try fixture.log("2026-02-02 10:00", kinds: [.access, .erasure])
        let old = try fixture.log("2025-12-30 10:00")
        #expect(first.state.id.rawValue == "2026-00001")
        #expect(second.state.id.rawValue == "2026-00002")
        #expect(old.state.id.rawValue == "2025-00001")
        #expect(first.schedule.deadline == CivilDate(year: 2026, month: 3, day: 2))
        let summary = try #require(try fixture.store.summary(of: first.state.id))
        #expect(summary.deadline == "2026-03-02")
        #expect(summary.active)
        #expect(summary.requestKinds == [.access])
        #expect(try fixture.store.activeCases().map(\.id) == ["2025-00001", "2026-00001", "2026-00002"])
    }

    @Test("the database file is 0600 in a 0700 folder", .enabled(if: !TestBackend.postgres, "a SQLite file's rights"))
    func permissions() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let path = try #require(fixture.database.sqlitePath)
        let file = try FileManager.default.attributesOfItem(atPath: path)
        let folder = try FileManager.default.attributesOfItem(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        #expect((file[.posixPermissions] as? Int) == 0o600)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
    }

    @Test("steps fold into the state: clock stop, extension, answers, closing")
    func steps() throws {
        let fixture = try StoreFixture(now: "2026-05-20 12:00")
        defer { fixture.remove() }
        let id = try fixture.log("2026-03-02 10:00", kinds: [.access, .erasure]).state.id
        try fixture.record(.identityRequested, on: id, at: "2026-03-03 09:00")
        let confirmed = try fixture.record(.identityConfirmed, on: id, at: "2026-03-10 09:00")
        #expect(confirmed.schedule.deadline == CivilDate(year: 2026, month: 4, day: 9))  // D19
        try fixture.record(
            .extended(notifiedAt: try fixture.instant("2026-04-01 10:00")), on: id, at: "2026-04-01 10:00",
            personal: [.reason: "Umfang"])
        try fixture.record(.answered(kind: .access, outcome: .granted, basis: nil), on: id, at: "2026-05-04 10:00")
        let done = try fixture.record(
            .answered(kind: .erasure, outcome: .refused, basis: "§ 12 LDSG RLP"), on: id, at: "2026-05-05 10:00")
        #expect(done.schedule.extensionState == .inEffect)
        #expect(done.schedule.status == .answeredOnTime)
        #expect(!done.state.isActive)
        let closed = try fixture.record(.closed, on: id, at: "2026-05-06 10:00")
        #expect(closed.state.lifecycle == .closed)
        #expect(try fixture.store.activeCases().isEmpty)
        let events = try fixture.store.events(of: id)
        #expect(
            events.map(\.event.kind) == [
                "received", "identity-requested", "identity-confirmed", "extended", "answered", "answered", "closed",
            ])
        #expect(CaseState(events: events)?.answers[.erasure]?.basis == "§ 12 LDSG RLP")
    }

    @Test(
        "steps that make no sense are refused and nothing is written",
        arguments: [
            (Event.closed, "2026-03-05 10:00", "unanswered"),
            (Event.identityConfirmed, "2026-03-05 10:00", "no identity proof was asked for"),
            (Event.clarificationReceived, "2026-03-05 10:00", "no clarification was asked for"),
            (
                Event.answered(kind: .erasure, outcome: .granted, basis: nil), "2026-03-05 10:00",
                "no request of kind erasure"
            ),
            (Event.acknowledged, "2026-03-01 10:00", "before the receipt"),
            (Event.acknowledged, "2026-03-25 10:00", "in the future"),
            (Event.forwarded(to: "tiktok"), "2026-03-05 10:00", "no joint controller 'tiktok'"),
            (Event.recipientsNotified, "2026-03-05 10:00", "Art. 19"),
            (Event.reopened, "2026-03-05 10:00", "not closed"),
        ])
    func refusedSteps(event: Event, at: String, reason: String) throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let id = try fixture.log("2026-03-02 10:00").state.id
        let error = try #require(throws: DSRCoreError.self) { try fixture.record(event, on: id, at: at) }
        #expect(error.description.contains(reason), "\(error)")
        #expect(try fixture.store.events(of: id).count == 1)
        #expect(try fixture.store.verify().isIntact)
    }

    @Test("a closed case refuses steps until reopened; a late answer is recorded and flagged")
    func closedAndLate() throws {
        let fixture = try StoreFixture(now: "2026-06-20 12:00")
        defer { fixture.remove() }
        let id = try fixture.log("2026-03-02 10:00").state.id
        let late = try fixture.record(
            .answered(kind: .access, outcome: .granted, basis: nil), on: id, at: "2026-04-20 10:00")
        #expect(late.schedule.status == .answeredLate)
        try fixture.record(.closed, on: id, at: "2026-04-21 10:00")
        #expect(throws: DSRCoreError.self) { try fixture.record(.acknowledged, on: id, at: "2026-04-22 10:00") }
        try fixture.record(.noteAdded, on: id, at: "2026-04-22 10:00", personal: [.note: "Nachfrage"])
        try fixture.record(.reopened, on: id, at: "2026-04-23 10:00")
        try fixture.record(.closed, on: id, at: "2026-04-24 10:00")
        let late2 = try fixture.record(
            .extended(notifiedAt: try fixture.instant("2026-04-25 10:00")),
            on: CaseID(fixture.log("2026-03-01 10:00").state.id.rawValue)!, at: "2026-04-25 10:00",
            personal: [.reason: "Umfang"])
        #expect(late2.schedule.extensionState == .notifiedLate)
        #expect(late2.schedule.status == .overdue)
    }

    @Test("an unknown case is an error")
    func unknownCase() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(throws: LedgerError.unknownCase("2026-00099")) {
            try fixture.record(.acknowledged, on: CaseID("2026-00099")!, at: "2026-03-05 10:00")
        }
    }

    @Test("personal data lives in the vault; events carry only commitments")
    func vault() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let recorded = try fixture.log("2026-03-02 10:00")
        #expect(recorded.record.commitments.keys.sorted() == [.contact, .subject])
        #expect(recorded.record.commitments[.subject]?.count == 64)
        let personal = try fixture.store.personalData(of: recorded.state.id)
        #expect(personal.byEvent[recorded.record.id]?[.subject] == .text("Erika Fiktiv"))
        let payload = EventCodec.payload(recorded.record.event, commitments: recorded.record.commitments)
        #expect(!payload.contains("Erika"))
        #expect(try fixture.store.cases(subjectContaining: "erika").map(\.id) == [recorded.state.id.rawValue])
        #expect(try fixture.store.cases(subjectContaining: "niemand").isEmpty)
    }

    @Test("the chain verifies and its head is the hash of the last event")
    func verifyIntact() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let empty = try fixture.store.verify()
        #expect(empty.isIntact && empty.events == 0)
        for day in 2...9 { try fixture.log("2026-03-0\(day) 10:00") }
        let report = try fixture.store.verify()
        #expect(report.isIntact)
        #expect(report.events == 8)
        var stored: [StoredEvent] = []
        try fixture.store.forEachCase(
            receivedFrom: Instant(secondsSinceEpoch: 0), to: Instant(secondsSinceEpoch: 4_000_000_000),
            includePersonalData: false
        ) { stored += $0.events }
        let last = try #require(stored.max { $0.record.id < $1.record.id })
        // The head is the last event's hash, recomputed here from its canonical bytes.
        var canonical = JSONWriter()
        var texts = (last.record.caseID.rawValue, last.record.event.kind, last.record.actor, last.payload)
        texts.0.withUTF8 { caseID in
            texts.1.withUTF8 { kind in
                texts.2.withUTF8 { actor in
                    texts.3.withUTF8 { payload in
                        EventCodec.canonical(
                            id: last.record.id.rawValue, caseID: UnsafeRawBufferPointer(caseID),
                            kind: UnsafeRawBufferPointer(kind), occurredAt: last.record.occurredAt.secondsSinceEpoch,
                            recordedAt: last.record.recordedAt.secondsSinceEpoch, actor: UnsafeRawBufferPointer(actor),
                            payload: UnsafeRawBufferPointer(payload), into: &canonical)
                    }
                }
            }
        }
        #expect(Chain.sha256(last.prevHash + canonical.data).hexString == last.hashHex)
        #expect(report.head == last.hashHex)
        #expect(stored.sorted { $0.record.id < $1.record.id }.dropLast().last?.hash == last.prevHash)
    }

    @Test("a bulk session writes many cases in one transaction, or none")
    func bulkAllOrNothing() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try fixture.store.bulk { session in
                for day in 2...5 {
                    _ = try session.log(
                        NewCase(
                            kinds: [.access], channel: .post, received: try fixture.instant("2026-03-0\(day) 10:00")),
                        policy: fixture.policy, engine: fixture.engine, actor: "clerk", recordedAt: fixture.now)
                }
                throw Stop()
            }
        }
        #expect(try fixture.store.counts() == (0, 0))
        #expect(try fixture.store.verify().isIntact)
    }
}
