import DSRTestSupport
import Foundation
import Testing

@Suite("dsr purge")
struct PurgeTests {
    /// Cases closed in 2021, 2022 and 2025, and one open since 2020.
    static func fixture() throws -> TempDatabase {
        let db = TempDatabase()
        for (index, (received, closed)) in [
            ("2020-05-04 10:00", nil), ("2021-03-01 10:00", "2021-03-20 10:00"),
            ("2022-06-01 10:00", "2022-12-30 10:00"), ("2025-02-03 10:00", "2025-02-20 10:00"),
        ].enumerated() {
            #expect(
                try db.run([
                    "log", "--kind", "access", "--channel", "email", "--received", received, "--subject",
                    "Erika Fiktiv \(index)",
                    "--contact", "erika\(index)@example.org", "--note", "Notiz \(index)",
                ]).status == 0)
            guard let closed else { continue }
            let id = "\(received.prefix(4))-00001"
            #expect(try db.run(["answer", id, "--kind", "access", "--outcome", "granted", "--at", closed]).status == 0)
            #expect(try db.run(["close", id, "--at", closed]).status == 0)
        }
        return db
    }

    @Test("at 2026-01-01 only cases closed in 2021 and 2022 lose their personal data; the chain still verifies")
    func retention() throws {
        let db = try Self.fixture()
        defer { db.remove() }
        let before = try db.run(["list", "--json"]).stdout
        let dry = try db.run(["purge", "--dry-run", "--at", "2026-01-01 00:00", "--json"])
        #expect(dry.stdout.contains(#""id":"2021-00001","retained_until":"2024-12-31","records":3"#))
        #expect(dry.stdout.contains(#""id":"2022-00001","retained_until":"2025-12-31","records":3"#))
        #expect(!dry.stdout.contains("2025-00001") && !dry.stdout.contains("2020-00001"))
        #expect(try db.sqlite("SELECT COUNT(*) FROM vault WHERE content IS NULL") == "0")

        let purge = try db.run(["purge", "--at", "2026-01-01 00:00"])
        #expect(purge.status == 0)
        #expect(purge.stdout.hasPrefix("Gelöscht: 2 Fälle, 6 Einträge mit Personendaten"))
        #expect(try db.sqlite("SELECT COUNT(*) FROM vault WHERE content IS NULL AND key IS NULL") == "6")
        #expect(try db.sqlite("SELECT COUNT(*) FROM vault WHERE content IS NOT NULL") == "6")
        // Erased for real: the texts are no longer anywhere in the database files.
        var files = try Data(contentsOf: URL(fileURLWithPath: db.path))
        files += (try? Data(contentsOf: URL(fileURLWithPath: db.path + "-wal"))) ?? Data()
        for index in 1...2 {
            #expect(files.range(of: Data("Erika Fiktiv \(index)".utf8)) == nil)
            #expect(files.range(of: Data("erika\(index)@example.org".utf8)) == nil)
        }
        #expect(files.range(of: Data("Erika Fiktiv 3".utf8)) != nil)
        let verify = try db.run(["verify", "--json"])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains(#""purged_records":6"#))
        let show = try db.run(["show", "2021-00001", "--json"])
        #expect(show.stdout.contains(#""subject":"[purged]""#))
        #expect(try db.run(["show", "2025-00001", "--json"]).stdout.contains(#""subject":"Erika Fiktiv 3""#))
        #expect(try db.run(["find", "--subject", "Erika Fiktiv 1"]).stdout.contains("Keine Fälle"))
        // Statistics unchanged: every case keeps kinds, channel, dates, status.
        #expect(try db.run(["list", "--json"]).stdout == before)
        // A second purge changes nothing.
        let again = try db.run(["purge", "--at", "2026-01-01 00:00", "--json"])
        #expect(again.stdout == #"{"dry_run":false,"cases":[],"inbox":{"items":0,"records":0}}"# + "\n")
        #expect(try db.sqlite("SELECT COUNT(*) FROM event WHERE kind = 'purged'") == "2")
    }
}
