import DSRTestSupport
import Foundation
import Testing

/// The social-media concept's recurring duties through the CLI: `dsr duties`, `dsr duty
/// done`, `dsr overdue` and the DPO's HTML report.
@Suite("dsr duties")
struct DutyTests {
    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test("duties show the next due date per channel; done moves it half a year on")
    func nextDue() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let before = try db.run(["duties", "--at", "2026-12-01 10:00", "--json"])
        #expect(before.status == 0, "\(before.stderr)")
        let entries = try #require(try json(before.stdout) as? [[String: Any]])
        #expect(
            entries.map { $0["channel"] as? String } == ["facebook", "twitter", "instagram", "youtube", "homepage"])
        #expect(entries.allSatisfy { $0["next_due"] as? String == "2026-12-31" && $0["overdue"] as? Bool == false })
        let done = try db.run([
            "duty", "done", "datenschutz-post", "--channel", "facebook", "--at", "2026-11-20 10:00",
            "--link", "https://www.facebook.com/StadtKL/posts/1",
        ])
        #expect(done.status == 0, "\(done.stderr)")
        let after = try #require(
            try json(try db.run(["duties", "--at", "2027-01-02 10:00", "--json"]).stdout) as? [[String: Any]])
        #expect(after[0]["next_due"] as? String == "2027-05-20")
        #expect(after[0]["overdue"] as? Bool == false)
        #expect(after[0]["link"] as? String == "https://www.facebook.com/StadtKL/posts/1")
        #expect(after[1]["overdue"] as? Bool == true)
        let text = try db.run(["duties", "--at", "2027-01-02 10:00"])
        #expect(text.stdout.contains("datenschutz-hinweis  homepage   überfällig  Do 31.12.2026"))
        #expect(try db.sqlite("SELECT caseId || ' ' || kind FROM event") == "0000-00000 duty-done")
        #expect(try db.run(["verify"]).status == 0)
    }

    @Test("overdue duties appear in dsr overdue, which then exits 1")
    func overdue() throws {
        let db = TempDatabase()
        defer { db.remove() }
        for channel in ["facebook", "twitter", "instagram", "youtube"] {
            #expect(
                try db.run(["duty", "done", "datenschutz-post", "--channel", channel, "--at", "2026-11-20 10:00"])
                    .status == 0)
        }
        // JSON keeps the array of cases scripts read; the exit code counts the duty.
        let result = try db.run(["overdue", "--at", "2027-01-04 10:00", "--json"])
        #expect(result.status == 1)
        #expect((try json(result.stdout) as? [Any])?.isEmpty == true)
        let text = try db.run(["overdue", "--at", "2027-01-04 10:00"])
        #expect(text.status == 1)
        #expect(text.stdout.contains("Überfällige Pflichten"))
        #expect(text.stdout.contains("datenschutz-hinweis  homepage  überfällig"))
        #expect(!text.stdout.contains("datenschutz-post"))
        #expect(
            try db.run(["duty", "done", "datenschutz-hinweis", "--channel", "homepage", "--at", "2026-11-25 09:00"])
                .status == 0)
        #expect(try db.run(["overdue", "--at", "2027-01-04 10:00"]).status == 0)
    }

    @Test(
        "unknown duties, channels and bad links are refused with exit 65 and nothing recorded",
        arguments: [
            (["duty", "done", "mahnung", "--channel", "facebook"], "the policy names no duty 'mahnung'"),
            (["duty", "done", "datenschutz-post", "--channel", "homepage"], "is not done on 'homepage'"),
            (
                ["duty", "done", "datenschutz-post", "--channel", "facebook", "--link", "javascript:alert(1)"],
                "--link must be an http(s) address"
            ),
            (["duty", "done", "datenschutz-post", "--channel", "facebook", "--at", "2099-01-01"], "in the future"),
        ])
    func refused(arguments: [String], message: String) throws {
        let db = TempDatabase()
        defer { db.remove() }
        let result = try db.run(arguments)
        #expect(result.status == 65)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try db.eventCount() == 0)
    }

    @Test("the DPO's HTML report lists the duties and flags the overdue ones")
    func htmlReport() throws {
        let db = TempDatabase()
        defer { db.remove() }
        #expect(
            try db.run(["duty", "done", "datenschutz-post", "--channel", "facebook", "--at", "2026-11-20 10:00"]).status
                == 0)
        let out = db.folder.appendingPathComponent("report.html")
        #expect(
            try db.run([
                "export", "--format", "html", "--at", "2027-01-04 10:00", "--from", "2027-01-01", "--out", out.path,
            ]).status == 0)
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.contains("<section id=\"duties\">"))
        #expect(
            html.contains(
                "<tr><td>Post über Datenschutzrisiken und Betroffenenrechte</td><td>facebook</td><td>20.05.2027</td><td>offen</td><td>20.11.2026 10:00</td></tr>"
            ))
        #expect(
            html.contains(
                "<tr class=\"flag\"><td>Hinweis zu Datenschutzrisiken und Betroffenenrechten auf der Homepage</td><td>homepage</td><td>31.12.2026</td><td>überfällig</td><td>–</td></tr>"
            ))
    }
}
