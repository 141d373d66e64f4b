import DSRTestSupport
import Foundation
import Testing

/// The bytes of a database and its write-ahead log, for "is this text anywhere on disk?".
private func databaseBytes(_ db: TempDatabase) throws -> Data {
    var bytes = try Data(contentsOf: URL(fileURLWithPath: db.path))
    bytes += (try? Data(contentsOf: URL(fileURLWithPath: db.path + "-wal"))) ?? Data()
    return bytes
}

private func contains(_ data: Data, _ text: String) -> Bool {
    data.range(of: Data(text.utf8)) != nil
}

@Suite("dsr subject rectify (Art. 16 for the tracker)")
struct RectifyTests {
    @Test("the new name replaces the old everywhere; the old value is erased and only its HMAC stays")
    func rectify() throws {
        let db = TempDatabase()
        defer { db.remove() }
        #expect(
            try db.run([
                "log", "--kind", "access", "--channel", "email", "--received", "2026-11-02 10:00",
                "--subject", "Petra Altname", "--contact", "alt@example.org",
            ]).status == 0)
        let rectified = try db.run(
            ["subject", "rectify", "2026-00001", "--name", "-", "--json"], input: "Petra Neuname\n")
        #expect(rectified.status == 0, "\(rectified.stderr)")
        #expect(rectified.stdout.contains(#""event":"rectified""#))

        let show = try db.run(["show", "2026-00001", "--json"]).stdout
        #expect(show.contains(#""subject":"Petra Neuname""#) && show.contains(#""contact":"alt@example.org""#))
        #expect(!show.contains("Altname"))
        #expect(try db.run(["find", "--subject", "Altname"]).stdout == "Keine Fälle.\n")
        #expect(try db.run(["find", "--subject", "neuname", "--json"]).stdout.contains("2026-00001"))
        let csv = try db.run([
            "export", "--format", "csv", "--include-personal-data", "--from", "2026-01-01", "--csv-dialect", "rfc4180",
        ]).stdout
        #expect(csv.contains("Petra Neuname") && !csv.contains("Altname"))

        // The rectified event names the commitment of the value it replaces: the received event's.
        let payloads = try db.sqlite("SELECT payload FROM event ORDER BY id").split(separator: "\n").map(String.init)
        let oldCommitment = try #require(payloads[0].firstMatch(of: /"subject":"([0-9a-f]{64})"/)?.1)
        #expect(payloads[1].contains(#""replaces":{"subject":"\#(oldCommitment)"}"#))
        #expect(!payloads[1].contains("contact"))
        // The old text and its key are gone; the chain still verifies and counts it as erased.
        #expect(
            try db.sqlite(
                "SELECT COUNT(*) FROM vault WHERE eventId = 1 AND field = 'subject' AND content IS NULL AND key IS NULL"
            ) == "1")
        #expect(try db.sqlite("PRAGMA wal_checkpoint(TRUNCATE)").hasPrefix("0|"))
        #expect(!contains(try databaseBytes(db), "Altname"))
        let verify = try db.run(["verify", "--json"])
        #expect(verify.status == 0 && verify.stdout.contains(#""purged_records":1"#))
    }

    @Test("bad input: nothing to correct, an unknown case, a purged case")
    func refusals() throws {
        let db = TempDatabase()
        defer { db.remove() }
        #expect(try db.run(["subject", "rectify", "2026-00001"]).status == 64)
        let unknown = try db.run(["subject", "rectify", "2026-00009", "--name", "Geheim Name"])
        #expect(unknown.status == 65 && unknown.stderr == "dsr: no case 2026-00009\n")

        #expect(
            try db.run([
                "log", "--kind", "access", "--channel", "email", "--received", "2020-03-02 10:00", "--subject",
                "Alt Fall",
            ]).status == 0)
        #expect(
            try db.run(["answer", "2020-00001", "--kind", "access", "--outcome", "granted", "--at", "2020-03-20 10:00"])
                .status == 0)
        #expect(try db.run(["close", "2020-00001", "--at", "2020-03-20 10:00"]).status == 0)
        #expect(try db.run(["purge"]).status == 0)
        let purged = try db.run(["subject", "rectify", "2020-00001", "--contact", "neu@example.org"])
        #expect(purged.status == 65)
        #expect(purged.stderr == "dsr: case 2020-00001: its personal data was purged; there is nothing to rectify\n")
    }
}

@Suite("Vault sealing (dsr keygen, --vault-key)")
struct VaultSealingTests {
    static let names = ["Zacharias Geheimhaltung", "Yvonne Verschlossen"]

    @Test("with the key the data reads back; the database files hold none of the names in plain text")
    func sealed() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let key = db.folder.appendingPathComponent("vault.key").path
        let made = try db.run(["keygen", "--out", key])
        #expect(made.status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: key)
        #expect((attributes[.posixPermissions] as? Int) == 0o600 && (attributes[.size] as? Int) == 32)
        let again = try db.run(["keygen", "--out", key])
        #expect(again.status == 65 && again.stderr == "dsr: vault key \(key): exists already; not overwritten\n")

        for (index, name) in Self.names.enumerated() {
            let logged = try DSRProcess.run(
                [
                    "log", "--kind", "access", "--channel", "email", "--received", "2026-11-0\(index + 2) 10:00",
                    "--subject", name,
                    "--contact", "kontakt\(index)@example.org", "--note", "Notiz über \(name)",
                ],
                environment: ["DSR_DB": db.path, "DSR_VAULT_KEY_FILE": key])
            #expect(logged.status == 0, "\(logged.stderr)")
        }
        let show = try db.run(["show", "2026-00001", "--vault-key", key])
        #expect(show.stdout.contains(Self.names[0]) && show.stdout.contains("Notiz über \(Self.names[0])"))
        #expect(try db.run(["find", "--subject", "verschlossen", "--vault-key", key]).stdout.contains("2026-00002"))
        let verified = try db.run(["verify", "--json", "--vault-key", key])
        #expect(verified.status == 0 && verified.stdout.contains(#""sealed_unchecked":0"#))

        let bytes = try databaseBytes(db)
        for name in Self.names { #expect(!contains(bytes, name) && !contains(bytes, "Geheim")) }
        #expect(!contains(bytes, "kontakt0@example.org"))
    }

    @Test(
        "without the key: facts still show, names are marked sealed, personal writes are refused; a wrong key is a clear error"
    )
    func withoutOrWrongKey() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let key = db.folder.appendingPathComponent("vault.key").path
        let other = db.folder.appendingPathComponent("other.key").path
        #expect(try db.run(["keygen", "--out", key]).status == 0)
        #expect(try db.run(["keygen", "--out", other]).status == 0)
        #expect(
            try db.run([
                "log", "--kind", "access", "--channel", "email", "--received", "2026-11-02 10:00",
                "--subject", Self.names[0], "--vault-key", key,
            ]).status == 0)

        let show = try db.run(["show", "2026-00001"])
        #expect(show.status == 0)
        #expect(
            show.stdout.contains("Auskunft")
                && show.stdout.contains("[verschlüsselt; ohne Tresorschlüssel nicht lesbar]"))
        #expect(!show.stdout.contains(Self.names[0]))
        #expect(try db.run(["ack", "2026-00001"]).status == 0, "a step without personal data needs no key")
        let verify = try db.run(["verify", "--json"])
        #expect(verify.status == 0 && verify.stdout.contains(#""sealed_unchecked":1"#))
        #expect(try db.run(["info", "--json"]).stdout.contains(#""vault":"sealed-no-key""#))

        let events = try db.eventCount()
        for command in [
            ["note", "2026-00001", "Rückruf"], ["find", "--subject", "Zacharias"],
            ["export", "--format", "csv", "--include-personal-data"],
        ] {
            let refused = try db.run(command)
            #expect(refused.status == 77, "\(command)")
            #expect(refused.stderr.contains("needs the vault key"), "\(refused.stderr)")
        }
        #expect(try db.eventCount() == events)

        let wrong = try db.run(["show", "2026-00001", "--vault-key", other])
        #expect(wrong.status == 77)
        #expect(wrong.stderr == "dsr: vault key \(other) is not the key this database's personal data is sealed with\n")
        try Data(repeating: 7, count: 31).write(to: URL(fileURLWithPath: other + ".short"))
        chmod(other + ".short", 0o600)
        let short = try db.run(["show", "2026-00001", "--vault-key", other + ".short"])
        #expect(short.status == 65 && short.stderr.contains("holds exactly 32 bytes; this file holds 31"))
        chmod(key, 0o644)
        let open = try db.run(["show", "2026-00001", "--vault-key", key])
        #expect(open.status == 65 && open.stderr.contains("others may read it"))
    }

    @Test(
        "the first time a key is given, the names already stored are sealed; a sealed text moved to another record is caught"
    )
    func adoptAndTamper() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let key = db.folder.appendingPathComponent("vault.key").path
        #expect(try db.run(["keygen", "--out", key]).status == 0)
        for (index, name) in Self.names.enumerated() {
            #expect(
                try db.run([
                    "log", "--kind", "access", "--channel", "email", "--received", "2026-11-0\(index + 2) 10:00",
                    "--subject", name,
                ]).status == 0)
        }
        #expect(try db.sqlite("SELECT COUNT(*) FROM vault WHERE sealed = 0") == "2")
        #expect(try db.run(["verify", "--vault-key", key]).status == 0)
        #expect(try db.sqlite("SELECT COUNT(*) FROM vault WHERE sealed = 1") == "2")
        #expect(try db.run(["show", "2026-00002", "--vault-key", key]).stdout.contains(Self.names[1]))

        _ = try db.sqlite("UPDATE vault SET content = (SELECT content FROM vault WHERE eventId = 1) WHERE eventId = 2")
        let verify = try db.run(["verify", "--vault-key", key])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("event 2"), "\(verify.stderr)")
    }
}

@Suite("Nothing leaks: logs, errors, the process list")
struct LeakTests {
    /// Subject names the end-to-end tests give to `dsr`, read from their sources.
    static func fixtureNames() throws -> Set<String> {
        let folder = DSRProcess.repository.appendingPathComponent("Tests/DSRCommandsTests")
        var names: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in source.matches(of: /"--subject",\s*"([A-ZÄÖÜ][\p{L}-]+ [A-ZÄÖÜ][\p{L}-]+)"/) {
                names.insert(String(match.1))
            }
        }
        return names
    }

    @Test("a whole working day at debug level, failures included: no subject name on standard error or in the log")
    func noPersonalDataInLogs() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let key = db.folder.appendingPathComponent("vault.key").path
        let names = try Self.fixtureNames()
        #expect(names.count >= 5, "the fixture names were found in the test sources")
        let name = "Lothar Leckprüfung"
        var captured = ""
        func run(_ arguments: [String], input: String = "", expect status: Int32? = nil) throws {
            let result = try DSRProcess.run(
                arguments + ["--verbose"], input: input,
                environment: ["DSR_DB": db.path, "DSR_LOG_LEVEL": "trace", "DSR_VAULT_KEY_FILE": key])
            if let status { #expect(result.status == status, "\(arguments): \(result.stderr)") }
            captured += result.stderr
        }
        #expect(try db.run(["keygen", "--out", key]).status == 0)
        try run(
            [
                "log", "--interactive", "--kind", "access,erasure", "--channel", "facebook", "--received",
                "2026-11-02 10:00",
            ],
            input: "\(name)\n@lothar_leck\nDM vom 2.11.\nschreibt über \(name)\n", expect: 0)
        try run(["note", "2026-00001", "-"], input: "Rückruf bei \(name)\n", expect: 0)
        try run(["extend", "2026-00001", "--reason", "Umfang der Daten zu \(name)"], expect: 0)
        try run(["subject", "rectify", "2026-00001", "--name", "-"], input: "Lothar Leckprüfer\n", expect: 0)
        try run(["show", "2026-00001"], expect: 0)
        try run(["find", "--subject", "-"], input: "Leck\n", expect: 0)
        try run(["subject", "export", "--subject", "-"], input: "Leck\n", expect: 0)
        try run(
            [
                "export", "--format", "xml", "--include-personal-data", "--out",
                db.folder.appendingPathComponent("a.xml").path,
            ], expect: 0)
        try run(["verify"], expect: 0)
        try run(
            ["reply-route", "2026-00001", "--via", "email", "--contact", "-"], input: "lothar@example.org\n", expect: 0)
        try run(
            [
                "letter", "2026-00001", "--template", "eingangsbestaetigung", "--out",
                db.folder.appendingPathComponent("brief.txt").path,
            ], expect: 0)
        try run(["duty", "done", "datenschutz-post", "--channel", "facebook"], expect: 0)
        // Failures with personal data in their input.
        try run(["subject", "rectify", "2026-00042", "--name", name], expect: 65)
        try run(
            [
                "log", "--kind", "access", "--channel", "brieftaube", "--received", "2026-11-02 10:00", "--subject",
                name,
            ], expect: 65)
        try run(
            ["log", "--kind", "access", "--channel", "email", "--received", "2026-13-45 10:00", "--subject", name],
            expect: 65)
        try run(["note", "2026-00001", "\(name)\u{7}"], expect: 65)
        try run(["letter", "2026-00001", "--template", "auskunft"], expect: 65)

        #expect(captured.contains("appended event") && captured.contains("kind=rectified"), "the log was captured")
        #expect(captured.contains("Name der betroffenen Person:"), "the interactive prompts went to standard error")
        for leaked in names.union([name, "Lothar Leckprüfer", "lothar_leck", "Leckprüf", "lothar@example.org"]) {
            #expect(!captured.contains(leaked), "\(leaked) appeared on standard error")
        }
        // Every test's processes append their standard error to one file, which
        // Tests/crosscheck/leak_check.py searches for these names after the whole run.
        #expect(try String(contentsOf: DSRProcess.stderrLog, encoding: .utf8).contains("kind=rectified"))
    }
}
