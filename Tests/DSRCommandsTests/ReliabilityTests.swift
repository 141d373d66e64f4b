import DSRTestSupport
import Foundation
import Testing

/// Tampering, crashes, concurrent writers and hostile input, with real processes and the
/// real sqlite3 tool.
@Suite("Reliability")
struct ReliabilityTests {
    static func logArguments(_ index: Int) -> [String] {
        [
            "log", "--kind", "access", "--channel", "email", "--received", "2026-03-02 10:00", "--subject",
            "Erika Fiktiv \(index)", "--json",
        ]
    }

    /// A database with five cases and a few steps (11 events).
    static func populated() throws -> TempDatabase {
        let db = TempDatabase()
        for index in 1...5 { _ = try db.run(logArguments(index)) }
        for id in ["2026-00001", "2026-00002", "2026-00003"] {
            _ = try db.run(["ack", id, "--at", "2026-03-03 10:00"])
        }
        _ = try db.run(["note", "2026-00004", "--text", "Rückruf", "--at", "2026-03-04 10:00"])
        _ = try db.run(["assign", "2026-00005", "--to", "pressestelle1", "--at", "2026-03-04 10:00"])
        _ = try db.run(["close", "2026-00001"])  // refused: nothing written
        return db
    }

    @Test("verify passes on an intact log and prints the head")
    func intact() throws {
        let db = try Self.populated()
        defer { db.remove() }
        let result = try db.run(["verify"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Kette intakt: 10 Ereignisse"))
        let head = try db.sqlite("SELECT lower(hex(hash)) FROM event ORDER BY id DESC LIMIT 1")
        #expect(result.stdout.contains("Kopf: \(head)"))
    }

    @Test(
        "tampering with the sqlite3 tool is caught and the first bad event named",
        arguments: [
            ("UPDATE event SET occurredAt = occurredAt - 86400 WHERE id = 4", "event 4 (case 2026-00004) was changed"),
            ("UPDATE event SET actor = 'someone' WHERE id = 7", "event 7 (case 2026-00002) was changed"),
            ("DELETE FROM event WHERE id = 6", "event(s) 6–6 were removed"),
            ("DELETE FROM event WHERE id = 10", "events after 9 were removed"),
            (
                "INSERT INTO event SELECT 11, caseId, kind, payload, occurredAt, recordedAt, actor, prevHash, hash FROM event WHERE id = 3",
                "event 11 was inserted"
            ),
            (
                "UPDATE event SET id = -id WHERE id IN (2, 3); UPDATE event SET id = 3 WHERE id = -2; UPDATE event SET id = 2 WHERE id = -3",
                "event 2 (case 2026-00003) was changed"
            ),
            (
                "UPDATE vault SET content = CAST('Eva Fiktiv' AS BLOB) WHERE eventId = 1 AND field = 'subject'",
                "the subject of event 1 was changed in the vault"
            ),
        ])
    func tampering(sql: String, problem: String) throws {
        let db = try Self.populated()
        defer { db.remove() }
        _ = try db.sqlite(sql)
        let result = try db.run(["verify"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("dsr: verification failed: \(problem)"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("anyone can re-verify the chain with standard tools (sqlite3, Python's hashlib)")
    func standardTools() throws {
        let db = try Self.populated()
        defer { db.remove() }
        let script = """
            import hashlib, json, sqlite3, sys
            def utc(t):
                import datetime
                return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
            previous = bytes(32)
            rows = sqlite3.connect(sys.argv[1]).execute('SELECT id, caseId, kind, payload, occurredAt, recordedAt, actor, hash FROM event ORDER BY id')
            for id, case, kind, payload, occurred, recorded, actor, stored in rows:
                canonical = '{"actor":%s,"case":%s,"id":%d,"kind":%s,"occurred_at":"%s","payload":%s,"recorded_at":"%s"}' % (
                    json.dumps(actor, ensure_ascii=False), json.dumps(case), id, json.dumps(kind), utc(occurred), payload, utc(recorded))
                previous = hashlib.sha256(previous + canonical.encode()).digest()
                assert previous == stored, id
            print(previous.hex())
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, db.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try db.run(["verify"]).stdout.contains(output.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test("4 processes logging 50 cases each at once: 200 cases, no error")
    func concurrentWriters() async throws {
        let db = TempDatabase()
        defer { db.remove() }
        _ = try db.run(["init"])
        let failures = try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    var failed = 0
                    for index in 0..<50 where try db.run(Self.logArguments(writer * 100 + index)).status != 0 {
                        failed += 1
                    }
                    return failed
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(failures == 0)
        #expect(try db.sqlite("SELECT COUNT(*) FROM caseProjection") == "200")
        #expect(try db.sqlite("SELECT COUNT(DISTINCT id) FROM caseProjection") == "200")
        #expect(try db.run(["verify"]).stdout.contains("200 Ereignisse"))
    }

    @Test("SIGKILL during dsr log leaves a sound database holding every case that was reported")
    func crashSafety() throws {
        let db = TempDatabase()
        defer { db.remove() }
        _ = try db.run(["init"])
        var reported: [String] = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<30 {
            let process = Process()
            process.executableURL = DSRProcess.binary
            process.arguments = Self.logArguments(round) + ["--db", db.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...40_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            if process.terminationReason == .exit, process.terminationStatus == 0,
                let object = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
                let id = object["id"] as? String
            {
                reported.append(id)
            }
        }
        #expect(try db.sqlite("PRAGMA integrity_check") == "ok")
        #expect(try db.run(["verify"]).status == 0)
        let stored = Set(try db.sqlite("SELECT id FROM caseProjection").split(separator: "\n").map(String.init))
        #expect(Set(reported).isSubset(of: stored))
        #expect(try db.sqlite("SELECT COUNT(*) FROM event") == String(stored.count))
    }

    @Test(
        "hostile input: a clear message, exit 65, nothing written",
        arguments: [
            (
                ["log", "--kind", "beschwerde", "--channel", "email", "--received", "now", "--subject", "X"],
                "valid kinds: access (Auskunft)"
            ),
            (
                ["log", "--kind", "access", "--channel", "fax", "--received", "now", "--subject", "X"],
                "valid channels: email, post, facebook"
            ),
            (
                ["log", "--kind", "access", "--channel", "email", "--received", "2026-02-30 10:00", "--subject", "X"],
                "day 30 does not exist"
            ),
            (
                ["log", "--kind", "access", "--channel", "email", "--received", "2026-01-31 24:61", "--subject", "X"],
                "invalid time of day"
            ),
            (
                ["log", "--kind", "access", "--channel", "email", "--received", "2026-03-29 02:30", "--subject", "X"],
                "does not exist in Europe/Berlin"
            ),
            (
                ["log", "--kind", "access", "--channel", "email", "--received", "2099-01-01 10:00", "--subject", "X"],
                "in the future"
            ),
            (
                ["log", "--kind", "access", "--channel", "email", "--received", "now", "--subject", "  "],
                "--subject is empty"
            ),
            (
                ["log", "--kind", "access", "--channel", "email", "--received", "now", "--subject", "A\u{1B}[31mB"],
                "control character"
            ),
            (["log", "--kind", "unterlassung", "--channel", "post", "--received", "now", "--subject", "X"], "--due"),
        ])
    func hostileInput(arguments: [String], message: String) throws {
        let db = TempDatabase()
        defer { db.remove() }
        let result = try db.run(arguments)
        #expect(result.status == 65)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try db.eventCount() == 0)
    }

    @Test("quotes and SQL in text are stored verbatim and shown back")
    func quotesAndSQL() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let name = "O'Brien \"Bobby\"; DROP TABLE event; --"
        let result = try db.run([
            "log", "--kind", "access", "--channel", "email", "--received", "now", "--subject", name,
        ])
        #expect(result.status == 0)
        let show = try db.run(["show", "2026-00001", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(object["subject"] as? String == name)
        #expect(try db.run(["verify"]).status == 0)
    }

    @Test("NUL bytes, invalid UTF-8 and a 10 MB note are refused without writing")
    func bytesAndSizes() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let base = ["log", "--kind", "access", "--channel", "email", "--received", "2026-03-02 10:00"]
        let nul = try db.run(base + ["--subject", "-"], input: "Erika\u{0}Fiktiv")
        #expect(nul.status == 65)
        #expect(nul.stderr.contains("control character (U+0000)"))
        let bigNote = try db.run(
            base + ["--subject", "Erika Fiktiv", "--note", "-"], input: String(repeating: "x", count: 10 << 20))
        #expect(bigNote.status == 65)
        #expect(bigNote.stderr.contains("--note is longer than 65536 bytes"))
        // Invalid UTF-8 in an argument, through a shell (Swift strings cannot hold it).
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = [
            "-c",
            "\"$0\" log --kind access --channel email --received now --subject \"$(printf 'Erika \\377\\376')\" --db \"$1\"",
            DSRProcess.binary.path, db.path,
        ]
        let errors = Pipe()
        shell.standardError = errors
        shell.standardOutput = FileHandle.nullDevice
        try shell.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 65)
        #expect(message.contains("not valid UTF-8"))
        #expect(try db.eventCount() == 0)
    }

    @Test("import is all or nothing and names the bad line; good files import in full")
    func importCSV() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let good = db.folder.appendingPathComponent("good.csv")
        let text =
            "Eingang;Anliegen;Kanal;Name;Kontakt;Beantwortet;Ergebnis;Abgeschlossen\r\n"
            + "31.01.2026 10:15;Auskunft;E-Mail;\"Müller; Hans\";h@example.org;20.02.2026;stattgegeben;21.02.2026\r\n"
            + "02.02.2026;Auskunft+Löschung;Brief;Erika Fiktiv;;;;\r\n"
        try Data(text.data(using: .windowsCP1252)!).write(to: good)
        let bad = db.folder.appendingPathComponent("bad.csv")
        try "received,kind,channel,subject\n2026-01-31 10:00,access,email,A\n2026-01-31 10:00,access,fax,B\n".write(
            to: bad, atomically: true, encoding: .utf8)
        let refused = try db.run(["import", bad.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("bad.csv:3: unknown channel"))
        #expect(try db.eventCount() == 0)
        let imported = try db.run(["import", good.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try db.sqlite("SELECT COUNT(*) FROM caseProjection") == "2")
        let show = try db.run(["show", "2026-00001", "--json"])
        #expect(show.stdout.contains(#""subject":"Müller; Hans""#))
        #expect(show.stdout.contains(#""status":"closed""#))
    }
}
