import DSRTestSupport
import Foundation
import Testing

/// The account page: the calendar subscription, the password, the language; and the DPO's
/// subject export.
@Suite("Account and subject export")
struct AccountTests {
    let server = SharedServer.instance

    @Test("the calendar address gives the user's visible deadlines without sign-in, until revoked")
    func calendar() throws {
        let clerk = try server.signedIn("pressestelle1")
        let account = try clerk.get("/account")
        let made = try clerk.post("/account/calendar", [("_csrf", account.csrfToken!)])
        let url = try #require(made.body.firstMatch(#"id="calendar-url" value="([^"]+)""#))
        let path = try #require(url.firstMatch(#"^http://[^/]+(/calendar/[A-Za-z0-9_-]{43}\.ics)$"#))
        let feed = try server.client().get(path)
        #expect(feed.status == 200)
        #expect(feed.header("Content-Type") == "text/calendar; charset=utf-8")
        #expect(feed.body.hasPrefix("BEGIN:VCALENDAR\r\n"))
        let visible = try server.database.sqlite(
            "SELECT COUNT(*) FROM caseProjection WHERE active = 1 AND (assignee IS NULL OR assignee = 'pressestelle1')")
        #expect(feed.body.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2 * (Int(visible) ?? -1))
        #expect(!feed.body.contains("Erika"), "no names in a feed")
        #expect(
            try server.database.sqlite(
                "SELECT COUNT(*) FROM credential WHERE calendarTokenHash = '\(path.dropFirst(10).dropLast(4))'") == "0")
        let revoked = try clerk.post("/account/calendar", [("_csrf", account.csrfToken!), ("revoke", "1")])
        #expect(revoked.status == 200)
        #expect(try server.client().get(path).status == 404)
    }

    @Test("a password change needs the current password and twelve characters")
    func password() throws {
        // An account of its own, so the shared accounts keep their passwords.
        let login = "konto\(UInt32.random(in: 1000...9999))"
        #expect(try server.database.run(["user", "add", login, "--role", "clerk"]).status == 0)
        #expect(try server.database.run(["user", "password", login], input: "short\n").status == 65)
        #expect(try server.database.run(["user", "password", login], input: "first-password-123\n").status == 0)
        let client = server.client()
        let form = try client.get("/login")
        #expect(
            try client.post(
                "/login", [("_csrf", form.csrfToken!), ("login", login), ("password", "first-password-123")]
            )
            .status == 303)
        let token = try client.get("/account").csrfToken!
        let wrong = try client.post(
            "/account/password",
            [
                ("_csrf", token), ("current_password", "nope"), ("new_password", "second-password-1"),
                ("repeat_password", "second-password-1"),
            ])
        #expect(wrong.status == 422)
        let ok = try client.post(
            "/account/password",
            [
                ("_csrf", token), ("current_password", "first-password-123"), ("new_password", "second-password-1"),
                ("repeat_password", "second-password-1"),
            ])
        #expect(ok.status == 200)
        #expect(
            try server.database.sqlite(
                "SELECT COUNT(*) FROM event WHERE kind = 'staff-password-set' AND payload LIKE '%\(login)%'") == "2")
        #expect(
            try server.database.sqlite("SELECT passwordHash FROM credential WHERE login = '\(login)'").hasPrefix("$2"))
    }

    @Test("the subject export is the DPO's: a clerk gets 403; the DPO sees the person's cases")
    func subjectExport() throws {
        let clerk = try server.signedIn("pressestelle1")
        #expect(try clerk.get("/subject").status == 403)
        let dpo = try server.signedIn("datenschutz")
        let form = try dpo.get("/subject")
        #expect(form.status == 200)
        let new = try dpo.get("/cases/new")
        let logged = try dpo.post(
            "/cases",
            [("_csrf", new.csrfToken!), ("kind", "access"), ("channel", "post"), ("subject", "Zacharias Prüfer")])
        #expect(logged.status == 303)
        let result = try dpo.post("/subject", [("_csrf", form.csrfToken!), ("name", "Zacharias")])
        #expect(result.status == 200)
        #expect(result.body.contains("<bdi>Zacharias Prüfer</bdi>"))
        #expect(result.body.contains(#"<p role="status">1 Fälle</p>"#))
        #expect(result.body.contains("<section aria-labelledby=\"subject-case-"))
    }
}
