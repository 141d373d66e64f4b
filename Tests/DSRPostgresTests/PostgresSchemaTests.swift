import DSRPostgres
import DSRTestSupport
import Foundation
import PostgresNIO
import Synchronization
import Testing

/// The schema on a real PostgreSQL server: named migrations applied once, the server's role
/// held to what the use cases need, and an event log that refuses change.
@Suite("PostgreSQL schema", .enabled(if: TestDatabase.enabled, TestDatabase.skipReason), .serialized)
struct PostgresSchemaTests {
    /// One event row, as the chain code will write it.
    static let insertEvent: PostgresQuery = """
        INSERT INTO event (id, case_id, kind, payload, occurred_at, recorded_at, actor, prev_hash, hash)
        VALUES (1, '2026-00001', 'received', '{}', 0, 0, 'test', '\\x00', '\\x01')
        """

    @Test func migrationsApplyOnceAndAreNamed() throws {
        try TestDatabase.with { database in
            let owner = try database.owner()
            defer { owner.close() }
            #expect(try PostgresMigrator.applied(owner) == [])
            #expect(try PostgresMigrator.migrate(owner, serverRole: TestDatabase.serverRole) == PostgresMigrator.names)
            #expect(try PostgresMigrator.migrate(owner, serverRole: TestDatabase.serverRole) == [])
            #expect(try PostgresMigrator.applied(owner) == PostgresMigrator.names)
            let server = try database.server()
            defer { server.close() }
            #expect(try PostgresMigrator.applied(server) == PostgresMigrator.names)
        }
    }

    @Test func twoServersMigratingAtOnceApplyEachMigrationOnce() throws {
        try TestDatabase.with { database in
            let results = Mutex<[Result<[String], any Error>]>([])
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                let result = Result {
                    let owner = try database.owner()
                    defer { owner.close() }
                    return try PostgresMigrator.migrate(owner, serverRole: TestDatabase.serverRole)
                }
                results.withLock { $0.append(result) }
            }
            let applied = try results.withLock { $0 }.map { try $0.get() }
            #expect(applied.sorted { $0.count < $1.count } == [[], PostgresMigrator.names])
        }
    }

    @Test func theServerRoleMayAppendEventsButNotChangeThem() throws {
        try TestDatabase.migrated { _, _, server in
            try server.query(Self.insertEvent)
            #expect(try server.query("SELECT count(*) FROM event").first?.decode(Int.self) == 1)
            for statement in ["UPDATE event SET actor = 'x'", "DELETE FROM event", "TRUNCATE event"] {
                let failure = #expect(throws: PostgresFailure.self) { try server.execute(script: statement) }
                #expect(failure?.sqlState == "42501", "\(statement): \(String(describing: failure))")
                #expect(failure?.kind == .refused)
            }
            // Nor may it touch the schema or the migrations.
            for statement in ["DROP TABLE vault_key", "INSERT INTO dsr_migration (name) VALUES ('x')"] {
                let failure = #expect(throws: PostgresFailure.self) { try server.execute(script: statement) }
                #expect(failure?.sqlState == "42501" || failure?.sqlState == "42P01", "\(statement)")
            }
        }
    }

    @Test func evenTheOwnerMustDisableTheTriggerToChangeTheLog() throws {
        try TestDatabase.migrated { _, owner, _ in
            try owner.query(Self.insertEvent)
            // CASCADE: the vault's rows would go too, but the trigger stops the whole statement.
            for statement in ["UPDATE event SET actor = 'x'", "DELETE FROM event", "TRUNCATE event CASCADE"] {
                let failure = #expect(throws: PostgresFailure.self) { try owner.execute(script: statement) }
                #expect(
                    failure?.message.contains("append-only") == true, "\(statement): \(String(describing: failure))")
            }
            #expect(try owner.query("SELECT actor FROM event").first?.decode(String.self) == "test")
        }
    }

    @Test func serialisationFailuresAreRetriedNotShown() throws {
        try TestDatabase.migrated { database, owner, _ in
            try owner.execute(script: "INSERT INTO setting (key, value) VALUES ('counter', '0')")
            let writers = 4
            let increments = 10
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: writers) { _ in
                do {
                    let link = try database.server()
                    defer { link.close() }
                    for _ in 0..<increments {
                        try link.transaction(.serializable) { link in
                            let value = try link.query("SELECT value FROM setting WHERE key = 'counter'")
                                .first?.decode(String.self)
                            let next = String((Int(value ?? "0") ?? 0) + 1)
                            try link.query("UPDATE setting SET value = \(next) WHERE key = 'counter'")
                        }
                    }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [])
            let total = try owner.query("SELECT value FROM setting WHERE key = 'counter'").first?.decode(String.self)
            #expect(total == String(writers * increments))
        }
    }

    @Test func theServerSeesTheApplicationName() throws {
        var url = try #require(TestDatabase.clusterURL)
        url.applicationName = "dsr-test-\(ProcessInfo.processInfo.processIdentifier)"
        let link = try PostgresLink.connect(url, logger: TestDatabase.logger)
        defer { link.close() }
        let name = try link.query("SELECT current_setting('application_name')").first?.decode(String.self)
        #expect(name == url.applicationName)
    }

    @Test func anUnreachableServerIsUnavailableInOneLine() throws {
        var url = try #require(TestDatabase.clusterURL)
        url.endpoint = .tcp(host: "127.0.0.1", port: 1)
        let failure = #expect(throws: PostgresFailure.self) {
            try PostgresLink.connect(url, logger: TestDatabase.logger)
        }
        #expect(failure?.kind == .unavailable)
        #expect(failure?.description.contains("\n") == false)
    }
}
