import DSRTestSupport
import Foundation
import Testing

@Suite("dsr summary")
struct SummaryTests {
    @Test("the morning summary lists overdue cases and owed acknowledgements by id and assignee, never a name")
    func summary() throws {
        let db = TempDatabase()
        defer { db.remove() }
        for (received, name) in [("2026-10-01 10:00", "Erika Fiktiv"), ("2026-11-30 10:00", "Max Beispiel")] {
            #expect(
                try db.run(["log", "--kind", "access", "--channel", "email", "--received", received, "--subject", name])
                    .status == 0)
        }
        let result = try db.run(["summary", "--lang", "en", "--at", "2026-12-01 08:00"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.first == "dsr: 1 overdue, 0 at risk, 2 acknowledgements owed")
        #expect(result.stdout.contains("  2026-00001  deadline "))
        #expect(!result.stdout.contains("Erika") && !result.stdout.contains("Max"))
    }

    @Test("--mail hands a UTF-8 message to sendmail; without recipients or sendmail it is refused")
    func mail() throws {
        let db = TempDatabase()
        defer { db.remove() }
        #expect(
            try db.run([
                "log", "--kind", "access", "--channel", "post", "--received", "2026-10-01 10:00", "--subject",
                "Erika Fiktiv",
            ])
            .status == 0)
        let captured = db.folder.appendingPathComponent("sent.eml")
        let fake = db.folder.appendingPathComponent("sendmail")
        try "#!/bin/sh\n[ \"$1 $2\" = \"-oi -t\" ] || exit 9\ncat > '\(captured.path)'\n".write(
            to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let sent = try DSRProcess.run(
            ["summary", "--db", db.path, "--mail", "--at", "2026-12-01 08:00"],
            environment: ["DSR_SENDMAIL": fake.path, "DSR_SUMMARY_TO": "leitung@example.org, dsb@example.org"])
        #expect(sent.status == 0, "\(sent.stderr)")
        let message = try String(contentsOf: captured, encoding: .utf8)
        #expect(message.contains("\nTo: leitung@example.org, dsb@example.org\n"))
        #expect(message.contains("\nSubject: =?UTF-8?B?"))
        #expect(message.contains("\nAuto-Submitted: auto-generated\n"))
        #expect(message.contains("Überfällig (1)\n  2026-00001") && !message.contains("Erika"))
        #expect(try db.run(["summary", "--mail"]).status == 64)
        #expect(try db.run(["summary", "--mail", "--to", "a@b.example, x"]).status == 64)
        let missing = try DSRProcess.run(
            ["summary", "--db", db.path, "--mail", "--to", "a@example.org"],
            environment: ["DSR_SENDMAIL": db.folder.appendingPathComponent("none").path])
        #expect(missing.status == 74)
    }
}
