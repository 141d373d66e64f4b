import DSRCore
import DSRLedger
import DSRPostgres
import DSRStore
import DSRTestSupport
import DSRXML
import Foundation

/// A fresh database per test (a SQLite file, or a PostgreSQL database: `TestBackend`), the
/// real embedded policy, a fixed clock.
struct StoreFixture {
    let folder: URL
    let database: FreshDatabase
    let store: any CaseRepository
    let engine: DeadlineEngine
    let policy: PolicyReference
    let now: Instant

    init(now: String = "2026-03-20 12:00") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dsr-store-\(UUID().uuidString)")
        database = try TestBackend.freshDatabase(in: folder)
        if let postgres = database.postgres {
            store = try PostgresStore(url: postgres.serverURL, owner: postgres.ownerURL)
        } else {
            store = try CaseStore(path: database.sqlitePath!)
        }
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
        try store.record(
            event, on: id, personal: personal, at: try instant(at), actor: "clerk", visibility: .every, now: now
        ) { _, _ in
            engine
        }
    }

    func remove() {
        (store as? PostgresStore)?.closeConnections()
        database.drop()
        try? FileManager.default.removeItem(at: folder)
    }
}
