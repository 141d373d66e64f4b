import DSRPostgres
import DSRTestSupport
import Foundation
import Testing

@Suite("dsr migrate and a PostgreSQL tracker's backup", .enabled(if: TestDatabase.enabled, TestDatabase.skipReason))
struct MigrateTests {
    /// The tables a copy brings over, each as sqlite3 prints it in key order.
    static let copiedTables = [
        "event": "id", "vault": "eventId, field", "caseProjection": "id", "account": "login", "credential": "login",
        "setting": "key", "policy": "hash", "inboxItem": "id", "apiToken": "id", "chainHead": "id",
    ]

    @Test("SQLite → PostgreSQL → SQLite of dsr demo --cases 10000: the same rows, hashes and head")
    func roundTrip() throws {
        let source = TempDatabase()
        defer { source.remove() }
        let demo = try DSRProcess.run([
            "demo", "--db", source.path, "--cases", "10000", "--at", "2026-11-27 10:00", "--lang", "en",
        ])
        #expect(demo.status == 0, "\(demo.stderr)")
        // What the demo has none of: inbox items (one dismissed) and an API token.
        let mail = DSRProcess.repository.appendingPathComponent("Fixtures/mail")
        let intake = try source.run([
            "intake", mail.appendingPathComponent("02-latin1-qp.eml").path,
            mail.appendingPathComponent("05-outlook-utf8-latin1.eml").path,
        ])
        #expect(intake.status == 0, "\(intake.stderr)")
        #expect(try source.run(["inbox", "dismiss", "1", "--reason", "Werbung"]).status == 0)
        #expect(try source.run(["token", "create", "--user", "pressestelle1", "--name", "Formular"]).status == 0)
        #expect(try source.sqlite("SELECT COUNT(*) FROM inboxItem") == "2")
        try TestDatabase.with { database in
            let postgres = database.serverURL.redacted
            let there = try DSRProcess.run([
                "migrate", "--from", "sqlite:" + source.path, "--to", postgres, "--owner", database.ownerURL.redacted,
                "--lang", "en",
            ])
            #expect(there.status == 0, "\(there.stderr)")
            let head = try source.sqlite("SELECT lower(hex(hash)) FROM chainHead")
            #expect(there.stdout.contains("Cases: 10000"))
            #expect(there.stdout.contains(head))
            let owner = try database.owner()
            defer { owner.close() }
            let unvacuumed = try owner.query(
                """
                SELECT count(*) FROM pg_stat_user_tables WHERE relname IN ('event', 'vault', 'vault_key')
                AND (last_vacuum IS NULL OR last_analyze IS NULL)
                """
            ).first?.decode(Int.self)
            #expect(unvacuumed == 0, "the copy is vacuumed and analyzed as the owner")

            let verified = try DSRProcess.run(["verify", "--database", postgres, "--lang", "en"])
            #expect(verified.status == 0, "\(verified.stderr)")
            #expect(verified.stdout.contains(head))

            let back = TempDatabase()
            defer { back.remove() }
            let home = try DSRProcess.run(["migrate", "--from", postgres, "--to", back.path, "--lang", "en"])
            #expect(home.status == 0, "\(home.stderr)")
            for (table, key) in Self.copiedTables {
                let sql = "SELECT * FROM \(table) ORDER BY \(key)"
                #expect(try back.sqlite(sql) == source.sqlite(sql), "table \(table) differs after the round trip")
            }

            let again = try DSRProcess.run(["migrate", "--from", source.path, "--to", postgres, "--lang", "en"])
            #expect(again.status != 0)
            #expect(again.stderr.contains("holds events already"))
            #expect(again.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test("dsr backup of a PostgreSQL tracker writes a SQLite file that verifies and restores; the log records it")
    func backup() throws {
        try TestDatabase.with { database in
            let environment = [
                "DSR_DATABASE_URL": database.serverURL.redacted, "DSR_DATABASE_OWNER_URL": database.ownerURL.redacted,
            ]
            for received in ["2026-11-02 09:00", "2026-11-03 10:30"] {
                let logged = try DSRProcess.run(
                    [
                        "log", "--kind", "access", "--channel", "email", "--received", received, "--subject",
                        "Erika Fiktiv",
                    ],
                    environment: environment)
                #expect(logged.status == 0, "\(logged.stderr)")
            }
            let folder = TempDatabase()
            defer { folder.remove() }
            let file = folder.folder.appendingPathComponent("backup.sqlite").path
            let backup = try DSRProcess.run(["backup", file, "--lang", "en"], environment: environment)
            #expect(backup.status == 0, "\(backup.stderr)")
            let copy = TempDatabase(path: file)
            #expect(try copy.sqlite("SELECT COUNT(*) FROM caseProjection") == "2")
            #expect(try copy.run(["verify"]).status == 0)
            let shown = try copy.run(["show", "2026-00002", "--lang", "en"])
            #expect(shown.stdout.contains("Erika Fiktiv"))
            let events = try DSRProcess.run(["verify", "--lang", "en"], environment: environment)
            #expect(events.stdout.contains("Chain intact: 3 events"), "the backup is an event of the tracker")
            #expect(try DSRProcess.run(["backup", file], environment: environment).status == 74, "never overwritten")

            let restored = TempDatabase()
            defer { restored.remove() }
            let restore = try restored.run(["restore", file, "--lang", "en"])
            #expect(restore.status == 0, "\(restore.stderr)")
        }
    }

    @Test("a PostgreSQL URL that is wrong, or a server that is away, gets one line without the password")
    func badDatabase() throws {
        let wrong = try DSRProcess.run(["list", "--database", "postgres://clerk:geheim@db.example/x?sslmode=bogus"])
        #expect(wrong.status == 65)
        #expect(wrong.stderr.split(separator: "\n").count == 1)
        #expect(!wrong.stderr.contains("geheim"))
        let away = try DSRProcess.run([
            "list", "--database", "postgres://clerk:geheim@127.0.0.1:1/x?sslmode=disable&connect_timeout=2",
        ])
        #expect(away.status == 75, "\(away.stderr)")
        #expect(away.stderr.contains("unavailable"))
        #expect(!away.stderr.contains("geheim"))
        let both = try DSRProcess.run(["list", "--database", "sqlite:/tmp/x.sqlite", "--db", "/tmp/x.sqlite"])
        #expect(both.status == 64)
        let other = try DSRProcess.run(["list", "--database", "mysql://clerk:geheim@db.example/x"])
        #expect(other.status == 65)
        #expect(other.stderr.contains("postgres://") && !other.stderr.contains("geheim"))
    }

    @Test("the database password comes from a private file; one others may read is refused without quoting it")
    func passwordFile() throws {
        try TestDatabase.with { database in
            let folder = TempDatabase()
            defer { folder.remove() }
            let file = folder.folder.appendingPathComponent("database.password").path
            try "geheim-Passwort\n".write(toFile: file, atomically: true, encoding: .utf8)
            let environment = [
                "DSR_DATABASE_URL": database.serverURL.redacted, "DSR_DATABASE_OWNER_URL": database.ownerURL.redacted,
                "DSR_DATABASE_PASSWORD_FILE": file,
            ]
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
            let open = try DSRProcess.run(["info", "--lang", "en"], environment: environment)
            #expect(open.status == 77)
            #expect(open.stderr.contains("chmod 600") && !open.stderr.contains("geheim"))
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
            let info = try DSRProcess.run(["info", "--lang", "en"], environment: environment)
            #expect(info.status == 0, "\(info.stderr)")
            #expect(info.stdout.contains("pg3-prompt-key-vacuum"))
            #expect(!info.stdout.contains("geheim"))
        }
    }
}
