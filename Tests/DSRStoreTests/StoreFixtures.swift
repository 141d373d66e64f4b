import DSRCore
import DSRLedger
import DSRStore
import DSRXML
import Foundation

/// A fresh database file per test, the real embedded policy, a fixed clock.
struct StoreFixture {
    let folder: URL
    let store: CaseStore
    let engine: DeadlineEngine
    let policy: PolicyReference
    let now: Instant

    init(now: String = "2026-03-20 12:00") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dsr-store-\(UUID().uuidString)")
        store = try CaseStore(path: folder.appendingPathComponent("data/dsr.sqlite").path)
        let loaded = try PolicyLoader.loadDefault()
        engine = try DeadlineEngine(policy: loaded.policy, holidayRules: loaded.holidayRules)
        policy = PolicyReference(text: loaded.text, source: loaded.source)
        self.now = try TimeInput(zone: engine.zone).instant(from: now, now: Instant(secondsSinceEpoch: 0))
    }

    func instant(_ text: String) throws -> Instant {
        try TimeInput(zone: engine.zone).instant(from: text, now: now)
    }

    /// Logs an access request received at `received` from "Erika Fiktiv".
    @discardableResult
    func log(_ received: String, kinds: [RequestKind] = [.access], channel: Channel = .email) throws -> Recorded {
        try store.logCase(
            NewCase(
                kinds: kinds, channel: channel, received: try instant(received),
                personal: [.subject: "Erika Fiktiv", .contact: "erika@example.org"]),
            policy: policy, engine: engine, actor: "clerk", now: now)
    }

    /// Records a step at `at`.
    @discardableResult
    func record(_ event: Event, on id: CaseID, at: String, personal: [PersonalField: String] = [:]) throws -> Recorded {
        try store.record(event, on: id, personal: personal, at: try instant(at), actor: "clerk", now: now) { _, _ in
            engine
        }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
