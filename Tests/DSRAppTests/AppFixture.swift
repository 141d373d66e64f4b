import DSRApp
import DSRCore
import DSRPostgres
import DSRStore
import DSRTestSupport
import Foundation

/// A tracker on a fresh database (a SQLite file, or a PostgreSQL database: `TestBackend`) with
/// the embedded policy and a fixed clock, and sessions for staff accounts with each role.
struct AppFixture {
    static let dpo = "dora"
    static let supervisor = "sven"
    static let clerk = "clara"
    static let otherClerk = "otto"

    let folder: URL
    let database: FreshDatabase
    let tracker: Tracker
    let now: Instant

    /// A tracker at `now`; with `staff`, the accounts dora (dpo), sven (supervisor), clara and
    /// otto (clerks), created by dora in single-user mode.
    init(now: String = "2026-11-20 12:00", staff: Bool = true) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dsr-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try TestBackend.freshDatabase(in: folder)
        // Opening needs a moment for the staff migration; the case clock is set right after.
        tracker = try Tracker.open(
            try Self.configuration(of: database), actor: Self.dpo, now: Instant(secondsSinceEpoch: 1_700_000_000))
        self.now = try TimeInput(zone: tracker.engine.zone).instant(from: now, now: Instant(secondsSinceEpoch: 0))
        if staff {
            let owner = try tracker.session(login: Self.dpo, now: self.now)
            try owner.addStaff(login: Self.dpo, role: .dpo)
            let dpo = try session(Self.dpo)
            try dpo.addStaff(login: Self.supervisor, role: .supervisor)
            try dpo.addStaff(login: Self.clerk, role: .clerk)
            try dpo.addStaff(login: Self.otherClerk, role: .clerk)
        }
    }

    /// How a tracker on `database` is opened, with `policyFile` in force if given.
    static func configuration(of database: FreshDatabase, policyFile: String? = nil) throws -> TrackerConfiguration {
        TrackerConfiguration(
            database: try DatabaseAddress(database.address), databaseOwner: database.postgres?.ownerURL,
            policyFile: policyFile)
    }

    /// The session of `login` at the fixture's moment.
    func session(_ login: String) throws -> Session {
        try tracker.session(login: login, now: now)
    }

    /// The login whose account has `role`.
    static func login(_ role: Role) -> String {
        switch role {
        case .clerk: clerk
        case .supervisor: supervisor
        case .dpo: dpo
        }
    }

    /// A moment in the policy's zone.
    func instant(_ text: String) throws -> Instant {
        try TimeInput(zone: tracker.engine.zone).instant(from: text, now: now)
    }

    /// Logs an access and erasure request by e-mail, received at `received`, as `login`.
    @discardableResult
    func log(_ received: String = "2026-11-16 10:00", as login: String = clerk) throws -> CaseChange {
        try session(login).logCase(
            CaseInput(
                kinds: [.access, .erasure], channel: .email, received: try instant(received),
                personal: [.subject: "Erika Fiktiv", .contact: "erika@example.org"]))
    }

    /// How many events the log holds.
    func eventCount() throws -> Int { try tracker.store.counts().events }

    func remove() {
        (tracker.store as? PostgresStore)?.closeConnections()
        database.drop()
        try? FileManager.default.removeItem(at: folder)
    }
}
