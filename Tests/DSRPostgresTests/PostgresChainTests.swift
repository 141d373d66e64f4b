import DSRCore
import DSRLedger
import DSRTestSupport
import Foundation
import Synchronization
import Testing

@testable import DSRPostgres

/// The hash chain on a real PostgreSQL server, written and verified by the shared code:
/// appends from many connections at once stay one gapless chain, tampering with `psql` as the
/// owner is caught and named, and erasing a text deletes its key.
@Suite("PostgreSQL chain", .enabled(if: TestDatabase.enabled, TestDatabase.skipReason), .serialized)
struct PostgresChainTests {
    static let at = Instant(secondsSinceEpoch: 1_790_000_000)
    static let chain = PostgresChain(vault: .plain)

    /// The entries of a case: received with a name, acknowledged, a note.
    static func entries(case number: Int) -> [ChainEntry] {
        let id = CaseID(year: 2026, number: number)
        return [
            ChainEntry(
                event: .received(kinds: [.access], channel: .email, claimantDue: nil, policyHash: "p"), caseID: id,
                personal: [.subject: "Erika Fiktiv \(number)"], occurredAt: at, actor: "clerk"),
            ChainEntry(event: .acknowledged, caseID: id, occurredAt: at, actor: "clerk"),
            ChainEntry(event: .noteAdded, caseID: id, personal: [.note: "Rückruf"], occurredAt: at, actor: "clerk"),
        ]
    }

    /// A migrated database with `cases` cases appended by the server's role.
    static func withChain<T>(cases: Int, _ body: (TestDatabase, PostgresLink) throws -> T) throws -> T {
        try TestDatabase.migrated { database, _, server in
            for number in stride(from: 1, through: cases, by: 1) {
                _ = try server.transaction { try chain.append(entries(case: number), recordedAt: at, in: $0) }
            }
            return try body(database, server)
        }
    }

    static func verify(_ database: TestDatabase, _ link: PostgresLink) throws -> VerificationReport {
        try chain.verify(parallelism: 2, in: link, connect: { try database.server() })
    }

    @Test func appendedEventsVerifyAndTheirTextsReadBack() throws {
        try Self.withChain(cases: 4) { database, server in
            let report = try Self.verify(database, server)
            #expect(report.isIntact)
            #expect(report.events == 12)
            #expect(report.purgedRecords == 0)
            #expect(try Self.chain.text(eventID: 4, field: .subject, in: server) == .text("Erika Fiktiv 2"))
            #expect(try Self.chain.text(eventID: 6, field: .note, in: server) == .text("Rückruf"))
        }
    }

    @Test func eightWritersAtOnceExtendOneChainWithoutGaps() throws {
        try Self.withChain(cases: 0) { database, server in
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { writer in
                do {
                    let link = try database.server()
                    defer { link.close() }
                    for index in 0..<25 {
                        let entries = Array(Self.entries(case: writer * 100 + index + 1).prefix(1))
                        _ = try link.transaction { try Self.chain.append(entries, recordedAt: Self.at, in: $0) }
                    }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [])
            let ids = try server.query("SELECT id FROM event ORDER BY id").map { try $0.decode(Int64.self) }
            #expect(ids == Array(1...200))
            let report = try Self.verify(database, server)
            #expect(report.isIntact)
            #expect(report.events == 200)
        }
    }

    /// What tampering as the owner with psql looks like, and what verify must say.
    struct Tampering: CustomTestStringConvertible, Sendable {
        let name: String
        let sql: String
        let problem: VerificationReport.Problem
        var testDescription: String { name }
    }

    @Test(
        "tampering with psql as the owner is caught and names the event",
        arguments: [
            Tampering(
                name: "UPDATE", sql: "UPDATE event SET actor = 'mallory' WHERE id = 5",
                problem: .changed(event: 5, caseID: "2026-00002")),
            Tampering(
                name: "DELETE",
                sql: "DELETE FROM vault_key WHERE event_id = 4; DELETE FROM vault WHERE event_id = 4; "
                    + "DELETE FROM event WHERE id = 4",
                problem: .removed(before: 5, missingFrom: 4)),
            Tampering(
                name: "INSERT",
                sql: "INSERT INTO event SELECT 10, case_id, kind, payload, occurred_at, "
                    + "recorded_at, actor, prev_hash, hash FROM event WHERE id = 9",
                problem: .inserted(event: 10)),
            // Two acknowledgements (events without vault texts) change places.
            Tampering(
                name: "reorder",
                sql: "UPDATE event SET id = -id WHERE id IN (2, 5); UPDATE event SET id = 7 + id WHERE id IN (-2, -5)",
                problem: .changed(event: 2, caseID: "2026-00002")),
            Tampering(
                name: "vault text",
                sql: "UPDATE vault SET content = decode('00', 'hex') || content WHERE event_id = 7",
                problem: .personalDataChanged(event: 7, field: "subject")),
        ])
    func tamperingIsCaught(_ tampering: Tampering) throws {
        try Self.withChain(cases: 3) { database, server in
            #expect(try Self.verify(database, server).isIntact)
            let psql = Process()
            psql.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
            psql.arguments = [
                "--no-psqlrc", "-q", "-v", "ON_ERROR_STOP=1", "-d", TestDatabase.libpqURL(database.ownerURL),
                "-c", "ALTER TABLE event DISABLE TRIGGER USER", "-c", tampering.sql,
                "-c", "ALTER TABLE event ENABLE TRIGGER USER",
            ]
            try psql.run()
            psql.waitUntilExit()
            #expect(psql.terminationStatus == 0)
            let report = try Self.verify(database, server)
            #expect(report.problem == tampering.problem, "\(String(describing: report.problem))")
        }
    }

    @Test func erasingATextDeletesItsKeysAndVerifyCountsItErased() throws {
        try Self.withChain(cases: 2) { database, server in
            let box = try server.query("SELECT content FROM vault WHERE event_id = 1 AND field = 'subject'")
                .first?.decode(Data.self)
            try server.transaction { try PostgresChain.erase([(eventID: 1, field: "subject")], in: $0) }
            #expect(try Self.chain.text(eventID: 1, field: .subject, in: server) == .erased)
            let keys = try server.query("SELECT count(*) FROM vault_key WHERE event_id = 1").first?.decode(Int.self)
            #expect(keys == 0)
            // The old ciphertext (as an old row version would keep it) opens under no other key.
            let otherKey = try server.query("SELECT data_key FROM vault_key WHERE event_id = 4 AND field = 'subject'")
                .first?.decode(Data.self)
            #expect(
                RecordCipher.decrypt(try #require(box), dataKey: try #require(otherKey), eventID: 1, field: "subject")
                    == nil)
            let report = try Self.verify(database, server)
            #expect(report.isIntact)
            #expect(report.purgedRecords == 1)
        }
    }
}
