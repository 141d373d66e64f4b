import DSRTestSupport
import Foundation
import Testing

@Suite("Case workflow through the CLI")
struct CaseWorkflowTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("log prints id, deadline, internal due, extension and status")
    func logJSON() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let result = try db.run([
            "log", "--kind", "Auskunft,Löschung", "--channel", "facebook", "--received", "2026-11-24 10:00",
            "--subject", "Erika Fiktiv", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try json(result.stdout)
        #expect(object["id"] as? String == "2026-00001")
        #expect(object["deadline"] as? String == "2026-12-24")
        #expect(object["internal_due"] as? String == "2026-12-23T17:00:00+01:00")
        #expect(object["extended_deadline"] as? String == "2027-02-24")
        #expect(["open", "at-risk", "overdue"].contains(object["status"] as? String))
        let text = try db.run([
            "log", "--kind", "Berichtigung", "--channel", "post", "--received", "2026-11-24 10:00", "--subject",
            "Max Fiktiv",
        ])
        #expect(text.stdout.contains("Fall 2026-00002: erfasst"))
        #expect(text.stdout.contains("Frist Do 24.12.2026"))
        #expect(text.stdout.contains("intern fällig Mi 23.12.2026 17:00"))
    }

    @Test("a whole case: steps, show with events, close; refusals with exit 65")
    func wholeCase() throws {
        let db = TempDatabase()
        defer { db.remove() }
        #expect(try db.run(["init"]).status == 0)
        #expect(
            try db.run([
                "log", "--kind", "access,erasure", "--channel", "email", "--received", "2026-03-02 10:00", "--subject",
                "Erika Fiktiv", "--contact", "erika@example.org",
            ]).status == 0)
        let id = "2026-00001"
        for step in [
            ["ack", id, "--at", "2026-03-02 15:00"],
            ["identity", "request", id, "--at", "2026-03-03 09:00"],
            ["identity", "confirm", id, "--at", "2026-03-10 09:00"],
            ["assign", id, "--to", "pressestelle1", "--at", "2026-03-10 10:00"],
            ["note", id, "Rückruf vereinbart", "--at", "2026-03-11 10:00"],
            ["extend", id, "--reason", "Umfang der Daten", "--at", "2026-04-01 10:00"],
            ["answer", id, "--kind", "access", "--outcome", "granted", "--at", "2026-05-04 10:00"],
            [
                "answer", id, "--kind", "Löschung", "--outcome", "partial", "--basis", "Art. 17 Abs. 3 lit. b DSGVO",
                "--at", "2026-05-05 10:00",
            ],
            ["notify-recipients", id, "--at", "2026-05-06 10:00"],
            ["close", id, "--at", "2026-05-07 10:00"],
        ] {
            let result = try db.run(step)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        let refused = try db.run(["answer", id, "--kind", "access", "--outcome", "granted", "--at", "2026-05-08 10:00"])
        #expect(refused.status == 65)
        #expect(refused.stderr == "dsr: case 2026-00001: the case is closed; reopen it first\n")
        let show = try db.run(["show", id, "--json"])
        let object = try json(show.stdout)
        #expect(object["status"] as? String == "closed")
        #expect(object["subject"] as? String == "Erika Fiktiv")
        #expect(object["deadline"] as? String == "2026-04-09")
        #expect(object["due_date"] as? String == "2026-06-09")  // 3 months from receipt + 7 days paused
        #expect(object["extension"] as? String == "in-effect")
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(events.count == 11)
        #expect(
            events.map { $0["kind"] as? String } == [
                "received", "acknowledged", "identity-requested", "identity-confirmed", "assigned", "note-added",
                "extended", "answered", "answered", "recipients-notified", "closed",
            ])
        #expect(events[5]["note"] as? String == "Rückruf vereinbart")
        let text = try db.run(["show", id])
        #expect(text.stdout.contains("Person            Erika Fiktiv"))
        #expect(text.stdout.contains("Gehemmt           7 Tage"))
        #expect(try db.run(["verify"]).status == 0)
    }

    @Test(
        "refused steps name the problem",
        arguments: [
            (["close", "2026-00001"], "1 request(s) unanswered"),
            (["identity", "confirm", "2026-00001"], "no identity proof was asked for"),
            (["ack", "2026-00001", "--at", "2026-03-01 10:00"], "before the receipt"),
            (["ack", "2026-00001", "--at", "2099-01-01 10:00"], "in the future"),
            (["answer", "2026-00001", "--kind", "Löschung", "--outcome", "granted"], "no request of kind erasure"),
            (
                ["answer", "2026-00001", "--kind", "access", "--outcome", "maybe"],
                "valid: granted, partial, refused, no-data"
            ),
            (["forward", "2026-00001", "--to", "tiktok"], "no joint controller 'tiktok'"),
            (["ack", "2026-00099"], "no case 2026-00099"),
        ])
    func refusals(arguments: [String], message: String) throws {
        let db = TempDatabase()
        defer { db.remove() }
        #expect(
            try db.run([
                "log", "--kind", "access", "--channel", "email", "--received", "2026-03-02 10:00", "--subject",
                "Erika Fiktiv",
            ]).status == 0)
        let result = try db.run(arguments)
        #expect(result.status == 65)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!result.stderr.contains("Erika"))
        #expect(try db.sqlite("SELECT COUNT(*) FROM event") == "1")
    }

    @Test("a refusal without legal basis is recorded and flagged; a withdrawn case can be closed")
    func flaggedRefusalAndWithdrawal() throws {
        let db = TempDatabase()
        defer { db.remove() }
        for index in 1...2 {
            #expect(
                try db.run([
                    "log", "--kind", "access", "--channel", "email", "--received", "2026-03-02 10:00", "--subject",
                    "Erika Fiktiv \(index)",
                ]).status == 0)
        }
        let refused = try db.run([
            "answer", "2026-00001", "--kind", "access", "--outcome", "refused", "--at", "2026-03-10 10:00", "--json",
        ])
        #expect(refused.status == 0)
        #expect(refused.stdout.contains(#""warnings":["refusal-without-basis"]"#))
        #expect(try db.run(["withdraw", "2026-00002", "--at", "2026-03-05 10:00"]).status == 0)
        let closed = try db.run(["close", "2026-00002", "--at", "2026-03-06 10:00", "--json"])
        #expect(closed.status == 0)
        #expect(closed.stdout.contains(#""status":"closed""#))
    }

    @Test("overdue lists overdue first, then at risk, then by internal due; exit 1 when overdue")
    func overdue() throws {
        let db = TempDatabase()
        defer { db.remove() }
        for received in ["2026-09-01 10:00", "2026-11-20 10:00", "2026-10-01 10:00", "2026-11-02 10:00"] {
            #expect(
                try db.run([
                    "log", "--kind", "access", "--channel", "email", "--received", received, "--subject",
                    "Erika Fiktiv",
                ]).status == 0)
        }
        #expect(try db.run(["assign", "2026-00002", "--to", "pressestelle2"]).status == 0)
        let result = try db.run(["overdue", "--at", "2026-12-01 12:00", "--json"])
        #expect(result.status == 1)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["id"] as? String } == ["2026-00001", "2026-00003", "2026-00004", "2026-00002"])
        #expect(entries.map { $0["status"] as? String } == ["overdue", "overdue", "at-risk", "open"])
        #expect(entries[3]["assignee"] as? String == "pressestelle2")
        let early = try db.run(["overdue", "--at", "2026-09-02 12:00"])
        #expect(early.status == 0)
        #expect(early.stdout.contains("2026-00001"))
    }

    @Test("list filters by status, kind, channel, assignee, time; --limit")
    func list() throws {
        let db = TempDatabase()
        defer { db.remove() }
        for (kind, channel, received) in [
            ("access", "email", "2026-01-10 10:00"), ("erasure", "post", "2026-02-10 10:00"),
            ("access", "facebook", "2026-03-10 10:00"),
        ] {
            #expect(
                try db.run([
                    "log", "--kind", kind, "--channel", channel, "--received", received, "--subject", "Erika Fiktiv",
                ]).status == 0)
        }
        #expect(
            try db.run(["answer", "2026-00001", "--kind", "access", "--outcome", "no-data", "--at", "2026-01-20 10:00"])
                .status == 0)
        #expect(try db.run(["close", "2026-00001", "--at", "2026-01-21 10:00"]).status == 0)
        func ids(_ arguments: [String]) throws -> [String] {
            let result = try db.run(["list", "--json"] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            let entries = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            return entries.compactMap { $0["id"] as? String }
        }
        #expect(try ids([]) == ["2026-00001", "2026-00002", "2026-00003"])
        #expect(try ids(["--status", "closed"]) == ["2026-00001"])
        #expect(try ids(["--kind", "Auskunft"]) == ["2026-00001", "2026-00003"])
        #expect(try ids(["--channel", "post"]) == ["2026-00002"])
        #expect(try ids(["--received-from", "2026-02-01", "--received-to", "2026-02-28"]) == ["2026-00002"])
        #expect(try ids(["--limit", "1"]) == ["2026-00001"])
        #expect(try ids(["--assignee", "nobody"]).isEmpty)
        let unknown = try db.run(["list", "--status", "lost"])
        #expect(unknown.status == 64)
    }

    @Test("find lists all cases of a person; --subject - reads standard input")
    func find() throws {
        let db = TempDatabase()
        defer { db.remove() }
        for name in ["Erika Fiktiv", "Max Fiktiv", "Erika Probe"] {
            #expect(
                try db.run([
                    "log", "--kind", "access", "--channel", "email", "--received", "2026-03-02 10:00", "--subject",
                    name,
                ]).status == 0)
        }
        let result = try db.run(["find", "--subject", "-", "--json"], input: "erika\n")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(entries.compactMap { $0["id"] as? String } == ["2026-00001", "2026-00003"])
    }

    @Test("subject export prints everything held about a person, as text and JSON")
    func subjectExport() throws {
        let db = TempDatabase()
        defer { db.remove() }
        for name in ["Erika Fiktiv", "Max Fiktiv", "Erika Probe"] {
            #expect(
                try db.run([
                    "log", "--kind", "access", "--channel", "email", "--received", "2026-03-02 10:00", "--subject",
                    name, "--contact", "\(name)@example.org", "--note", "Notiz zu \(name)",
                ]).status == 0)
        }
        let json = try db.run(["subject", "export", "--subject", "-", "--json"], input: "Erika Fiktiv")
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let cases = try #require(object["cases"] as? [[String: Any]])
        #expect(cases.map { $0["id"] as? String } == ["2026-00001"])
        #expect(cases[0]["contact"] as? String == "Erika Fiktiv@example.org")
        #expect((cases[0]["events"] as? [[String: Any]])?.first?["note"] as? String == "Notiz zu Erika Fiktiv")
        let text = try db.run(["subject", "export", "--subject", "erika"])
        #expect(text.stdout.hasPrefix("Auskunft über gespeicherte Daten (Art. 15 DSGVO): 2 Vorgang/Vorgänge"))
        #expect(text.stdout.contains("Person            Erika Probe"))
        #expect(!text.stdout.contains("Max Fiktiv"))
    }

    @Test("the demo is deterministic for a seed and a moment")
    func demo() throws {
        let first = TempDatabase()
        let second = TempDatabase()
        defer {
            first.remove()
            second.remove()
        }
        for db in [first, second] {
            let result = try DSRProcess.run([
                "demo", "--db", db.path, "--cases", "150", "--seed", "7", "--at", "2026-11-27 10:00",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("Demo: 150 Fälle"))
            #expect(result.stdout.contains("überfällig"))
        }
        // Same events and personal data; only the random vault keys (and so the hashes) differ.
        let events =
            "SELECT GROUP_CONCAT(caseId || kind || occurredAt || recordedAt || actor, '|') FROM (SELECT * FROM event ORDER BY id)"
        let vault =
            "SELECT GROUP_CONCAT(eventId || field || content, '|') FROM (SELECT * FROM vault ORDER BY eventId, field)"
        #expect(try first.sqlite(events) == second.sqlite(events))
        #expect(try first.sqlite(vault) == second.sqlite(vault))
        #expect(
            try first.sqlite("SELECT hex(hash) FROM event WHERE id = 1")
                != second.sqlite("SELECT hex(hash) FROM event WHERE id = 1"))
        #expect(try first.run(["verify"]).status == 0)
        let kinds = try first.sqlite("SELECT COUNT(DISTINCT kind) FROM event")
        #expect(Int(kinds) ?? 0 >= 12)
        let refused = try DSRProcess.run(["demo", "--db", first.path, "--cases", "5"])
        #expect(refused.status == 65)
    }
}
