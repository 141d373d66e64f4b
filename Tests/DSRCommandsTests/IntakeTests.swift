import DSRTestSupport
import Foundation
import Testing

@Suite("dsr intake, dsr inbox, dsr log --from-item, dsr token")
struct IntakeTests {
    static let mail = DSRProcess.repository.appendingPathComponent("Fixtures/mail")

    /// The JSON objects of a `--json` line.
    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test("files, an mbox and a Maildir become inbox items; taken again, they are counted, not doubled")
    func intakeOfEveryForm() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let paths = [
            Self.mail.appendingPathComponent("01-request-utf8.eml").path,
            Self.mail.appendingPathComponent("requests.mbox").path, Self.mail.appendingPathComponent("maildir").path,
        ]
        let first = try db.run(["intake", "--json"] + paths)
        #expect(first.status == 0, "\(first.stderr)")
        let report = try #require(try Self.json(first.stdout) as? [String: Any])
        let taken = try #require(report["taken"] as? [[String: Any]])
        #expect(taken.count >= 5)
        #expect((report["refused"] as? [Any])?.isEmpty == true)
        let origins = Set(taken.compactMap { $0["origin"] as? String })
        #expect(origins == ["file", "mbox", "maildir"])
        let second = try db.run(["intake", "--json"] + paths)
        let again = try #require(try Self.json(second.stdout) as? [String: Any])
        #expect((again["taken"] as? [Any])?.count == 0)
        #expect((again["duplicates"] as? [Any])?.count == taken.count)
        #expect(try db.sqlite("SELECT COUNT(*) FROM inboxItem") == "\(taken.count)")
        #expect(try db.sqlite("SELECT SUM(duplicates) FROM inboxItem") == "\(taken.count)")
        #expect(try db.run(["verify"]).status == 0)
    }

    @Test("what is not mail is refused with a one-line reason and exit 65; the rest is still taken in")
    func refusals() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let empty = db.folder.appendingPathComponent("empty.eml")
        try Data().write(to: empty)
        let image = db.folder.appendingPathComponent("scan.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).write(to: image)
        let good = Self.mail.appendingPathComponent("02-latin1-qp.eml").path
        let result = try db.run(["intake", empty.path, image.path, good])
        #expect(result.status == 65)
        let refused = result.lines.filter { $0.hasPrefix("abgelehnt: ") }
        #expect(refused.count == 2)
        #expect(refused.allSatisfy { $0.contains(db.folder.path) })
        #expect(try db.sqlite("SELECT COUNT(*) FROM inboxItem") == "1")
        #expect(try db.run(["intake", db.folder.appendingPathComponent("nothing.eml").path]).status == 74)
    }

    @Test("an item is shown with its evidence, made a case with it, and dsr show tells where the moment came from")
    func itemToCase() throws {
        let db = TempDatabase()
        defer { db.remove() }
        #expect(try db.run(["intake", Self.mail.appendingPathComponent("01-request-utf8.eml").path]).status == 0)
        let show = try db.run(["inbox", "show", "1", "--lang", "en", "--json"])
        let item = try #require(try Self.json(show.stdout) as? [String: Any])
        #expect(item["state"] as? String == "new")
        #expect(item["receipt_source"] as? String == "received-header")
        let received = try #require(item["received_at"] as? String)
        let logged = try db.run(["log", "--from-item", "1", "--kind", "Auskunft", "--json"])
        #expect(logged.status == 0, "\(logged.stderr)")
        let id = try #require((try Self.json(logged.stdout) as? [String: Any])?["id"] as? String)
        let detail = try #require(try Self.json(try db.run(["show", id, "--json"]).stdout) as? [String: Any])
        let evidence = try #require(detail["receipt_evidence"] as? [String: Any])
        #expect(evidence["item"] as? Int == 1 && evidence["source"] as? String == "received-header")
        #expect(detail["channel"] as? String == "email")
        #expect(
            try db.sqlite("SELECT receivedAt FROM caseProjection")
                == (try db.sqlite("SELECT receivedAt FROM inboxItem")))
        #expect(received.hasSuffix("Z"))
        let text = try db.run(["show", id, "--lang", "en"]).stdout
        #expect(text.contains("Evidence") && text.contains("received-header mx1.kaiserslautern.de"))
        let twice = try db.run(["log", "--from-item", "1", "--kind", "access"])
        #expect(twice.status == 65 && twice.stderr.contains("inbox item 1 is not new"))
    }

    @Test("another moment needs a reason; a forwarded message's own receipt can be taken")
    func otherMoments() throws {
        let db = TempDatabase()
        defer { db.remove() }
        #expect(try db.run(["intake", Self.mail.appendingPathComponent("09-nested-forward.eml").path]).status == 0)
        let noReason = try db.run(["log", "--from-item", "1", "--kind", "access", "--take-forwarded"])
        #expect(noReason.status == 64)
        let forwarded = try db.run([
            "log", "--from-item", "1", "--kind", "access", "--take-forwarded", "--receipt-reason",
            "ging zuerst beim Bürgerbüro ein", "--json",
        ])
        #expect(forwarded.status == 0, "\(forwarded.stderr)")
        #expect(
            try db.sqlite("SELECT payload LIKE '%forwarded-original%' FROM event WHERE kind = 'receipt-evidence'")
                == "1")
        #expect(
            try db.sqlite("SELECT receivedAt < (SELECT receivedAt FROM inboxItem) FROM caseProjection") == "1",
            "the forwarded message reached the city earlier")
    }

    @Test("dismissing needs a reason; dsr purge erases the message after the inbox retention")
    func dismissAndPurge() throws {
        let db = TempDatabase()
        defer { db.remove() }
        #expect(try db.run(["intake", Self.mail.appendingPathComponent("07-html-only.eml").path]).status == 0)
        #expect(try db.run(["inbox", "dismiss", "1"]).status == 64)
        #expect(try db.run(["inbox", "dismiss", "1", "--reason", "keine Betroffenenanfrage"]).status == 0)
        #expect(try db.run(["inbox", "--state", "dismissed", "--json"]).stdout.contains(#""state":"dismissed""#))
        let soon = try db.run(["purge", "--dry-run", "--json"])
        #expect(soon.stdout.contains(#""inbox":{"items":0"#))
        let later = Self.isoDay(daysFromNow: 40)
        let purge = try db.run(["purge", "--at", later, "--json"])
        #expect(purge.status == 0)
        #expect(purge.stdout.contains(#""inbox":{"items":1"#))
        #expect(try db.sqlite("SELECT COUNT(*) FROM vault WHERE content IS NOT NULL") == "0")
        #expect(try db.run(["inbox", "show", "1", "--lang", "en"]).stdout.contains("(message erased)"))
        #expect(try db.run(["verify"]).status == 0)
    }

    @Test("a token is printed once, kept hashed, listed without it and revoked; clerks may not manage tokens")
    func tokens() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let owner = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        #expect(try db.run(["user", "add", owner, "--role", "dpo"]).status == 0)
        #expect(try db.run(["user", "add", "kl1", "--role", "clerk"]).status == 0)
        let created = try db.run(["token", "create", "--user", "kl1", "--name", "Mailserver"])
        #expect(created.status == 0)
        let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("dsr_"))
        #expect(try db.sqlite("SELECT COUNT(*) FROM apiToken WHERE tokenHash LIKE '%\(token)%'") == "0")
        let list = try db.run(["token", "list", "--json"])
        #expect(list.stdout.contains(#""user":"kl1","name":"Mailserver""#) && !list.stdout.contains(token))
        #expect(try db.run(["token", "revoke", "1"]).status == 0)
        #expect(try db.run(["token", "revoke", "1"]).status == 65)
        #expect(try db.run(["token", "list", "--json"]).stdout.contains(#""revoked_at":"20"#))
        #expect(try db.run(["token", "create", "--user", "nobody", "--name", "x"]).status == 65)
    }

    /// The local date `days` from now, as `dsr --at` takes it.
    static func isoDay(daysFromNow days: Int) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date().addingTimeInterval(Double(days) * 86_400)) + " 12:00"
    }
}
