import DSRTestSupport
import Foundation
import Testing

/// Logging a request and recording its steps through the forms, as a clerk's day does.
@Suite("Case forms")
struct CaseFlowTests {
    let server = SharedServer.instance

    /// How many events the case of a case page's path has (other tests write to the shared
    /// server meanwhile, so the whole log's count would not tell).
    func caseEvents(_ path: String) throws -> String {
        try server.database.sqlite("SELECT COUNT(*) FROM event WHERE caseId = '\(path.dropFirst(7))'")
    }

    /// Logs a request through the form and returns the case page's path.
    func logRequest(_ client: WebClient, subject: String = "Erika Mustermann", note: String = "") throws -> String {
        let form = try client.get("/cases/new")
        #expect(form.status == 200)
        let response = try client.post(
            "/cases",
            [
                ("_csrf", form.csrfToken!), ("kind", "access"), ("kind", "erasure"), ("channel", "email"),
                ("received", "2026-01-31T10:15"), ("subject", subject), ("contact", "erika@example.org"),
                ("reference", "Schreiben vom 30.01."), ("note", note), ("due", ""),
            ])
        #expect(response.status == 303)
        let location = try #require(response.header("Location"))
        #expect(location.firstMatch(#"^/cases/(\d{4}-\d{5})$"#) != nil)
        return location
    }

    @Test("a request received Sat 31.01.2026 has its deadline on Mon 02.03.2026, shown as <time>")
    func logAndDeadline() throws {
        let clerk = try server.signedIn("pressestelle1")
        let path = try logRequest(clerk)
        let page = try clerk.get(path)
        #expect(page.status == 200)
        #expect(page.body.contains(#"<dd id="deadline"><time datetime="2026-03-02">Mo 02.03.2026</time></dd>"#))
        let internalDue = try #require(page.body.firstMatch(#"id="internal-due"><time datetime="([^"]+)""#))
        #expect(internalDue.hasPrefix("2026-") && internalDue.contains("T"))
        #expect(page.body.contains("<title>Fall \(path.dropFirst(7)) – dsr</title>"))
    }

    @Test("every step through its form: acknowledge, identity, answer each request, close, reopen")
    func steps() throws {
        let clerk = try server.signedIn("pressestelle1")
        let path = try logRequest(clerk)
        var token = try clerk.get(path).csrfToken!
        let steps: [(String, [(String, String)])] = [
            ("ack", [("at", "2026-02-02T08:30")]), ("identity-request", [("at", "2026-02-02T09:00")]),
            ("identity-confirm", [("at", "2026-02-05T09:00")]),
            ("note", [("text", "Rückruf vereinbart")]), ("reply-route", [("via", "post"), ("contact", "Musterweg 1")]),
            ("answer", [("kind", "access"), ("outcome", "granted")]),
            ("answer", [("kind", "erasure"), ("outcome", "refused"), ("basis", "Art. 17 Abs. 3 lit. b DSGVO")]),
            ("close", []),
        ]
        for (step, fields) in steps {
            let response = try clerk.post("\(path)/steps/\(step)", [("_csrf", token)] + fields)
            #expect(
                response.status == 303,
                "\(step): \(response.body.firstMatch(##"<li><a href="#steps">([^<]+)<"##) ?? "")")
            #expect(response.header("Location") == path)
            token = try clerk.get(path).csrfToken!
        }
        let page = try clerk.get(path)
        #expect(page.body.contains("abgeschlossen"))
        #expect(page.body.contains("Rückruf vereinbart"))
        // Reopening needs the supervisor.
        #expect(try clerk.post("\(path)/steps/reopen", [("_csrf", token)]).status == 403)
        let supervisor = try server.signedIn("leitung")
        let supervisorToken = try supervisor.get(path).csrfToken!
        #expect(try supervisor.post("\(path)/steps/reopen", [("_csrf", supervisorToken)]).status == 303)
    }

    @Test("a step that makes no sense gets the page again with the reason (422) and records nothing")
    func senselessStep() throws {
        let clerk = try server.signedIn("pressestelle1")
        let path = try logRequest(clerk)
        let token = try clerk.get(path).csrfToken!
        let events = try caseEvents(path)
        let response = try clerk.post("\(path)/steps/clarify-receive", [("_csrf", token)])
        #expect(response.status == 422)
        #expect(response.body.contains(#"class="error-summary""#))
        #expect(response.body.contains(#"<h1>Fall "#))
        #expect(try caseEvents(path) == events)
        #expect(try clerk.post("\(path)/steps/no-such-step", [("_csrf", token)]).status == 404)
        #expect(try clerk.post("\(path)/steps/answer", [("_csrf", token), ("kind", "access")]).status == 422)
    }

    @Test("a form without the session's token, or from another site, is refused with 403 and records nothing")
    func forgedForms() throws {
        let clerk = try server.signedIn("pressestelle1")
        let path = try logRequest(clerk)
        let token = try clerk.get(path).csrfToken!
        let events = try caseEvents(path)
        #expect(try clerk.post("\(path)/steps/ack", []).status == 403)
        #expect(try clerk.post("\(path)/steps/ack", [("_csrf", String(token.reversed()))]).status == 403)
        #expect(
            try clerk.post("\(path)/steps/ack", [("_csrf", token)], headers: ["Sec-Fetch-Site": "cross-site"]).status
                == 403)
        #expect(
            try clerk.post("\(path)/steps/ack", [("_csrf", token)], headers: ["Origin": "https://evil.example"]).status
                == 403)
        #expect(try caseEvents(path) == events)
        // Under Referrer-Policy: no-referrer a browser may send Origin: null; the token decides.
        #expect(try clerk.post("\(path)/steps/ack", [("_csrf", token)], headers: ["Origin": "null"]).status == 303)
    }

    @Test("hostile names and notes are escaped by the template engine and isolated with <bdi>")
    func hostileInput() throws {
        let clerk = try server.signedIn("pressestelle1")
        let hostile = "<script>alert(1)</script></textarea>\u{202E}evil\"'"
        let path = try logRequest(clerk, subject: hostile, note: "</bdi><img src=x onerror=alert(1)>")
        let page = try clerk.get(path)
        #expect(!page.body.contains("<script>alert(1)"))
        #expect(!page.body.contains("<img src=x"))
        #expect(
            page.body.contains(
                "<bdi>&lt;script&gt;alert(1)&lt;/script&gt;&lt;/textarea&gt;\u{202E}evil&quot;&#39;</bdi>"))
    }

    @Test("a refused new-request form shows the error summary linking to the field, with what was typed")
    func refusedForm() throws {
        let clerk = try server.signedIn("pressestelle1")
        let form = try clerk.get("/cases/new")
        let response = try clerk.post(
            "/cases",
            [("_csrf", form.csrfToken!), ("kind", "access"), ("channel", "email"), ("received", "2099-01-01")])
        #expect(response.status == 422)
        #expect(response.body.contains(#"class="error-summary""#))
        let future = try clerk.post(
            "/cases",
            [
                ("_csrf", form.csrfToken!), ("kind", "access"), ("channel", "email"), ("received", "2099-01-01"),
                ("subject", "Max"),
            ])
        #expect(future.status == 422)
        #expect(future.body.contains(#"value="Max""#))
    }

    @Test("the DPO downloads the HTML report with personal data as an attachment that is not cached")
    func reportDownload() throws {
        let dpo = try server.signedIn("datenschutz")
        let token = try dpo.get("/reports").csrfToken!
        let report = try dpo.post(
            "/reports",
            [
                ("_csrf", token), ("format", "html"), ("from", "2026-01-01"), ("to", "2026-12-31"),
                ("personal_data", "on"),
            ])
        #expect(report.status == 200)
        #expect(report.header("Content-Disposition")?.hasPrefix("attachment; filename=\"dsr-report-") == true)
        #expect(report.header("Cache-Control") == "no-store")
        #expect(report.body.contains("<html"))
        let supervisor = try server.signedIn("leitung")
        let supervisorToken = try supervisor.get("/reports").csrfToken!
        let refused = try supervisor.post(
            "/reports", [("_csrf", supervisorToken), ("format", "xml"), ("personal_data", "on")])
        #expect(refused.status == 403, "personal data leaves only with the DPO")
        let xml = try supervisor.post("/reports", [("_csrf", supervisorToken), ("format", "xml")])
        #expect(xml.status == 200)
        #expect(xml.body.hasPrefix("<?xml"))
    }

    @Test(
        "a letter: its placeholders as fields, a preview that records nothing, a download recorded as letter-produced")
    func letter() throws {
        let clerk = try server.signedIn("pressestelle1")
        let path = try logRequest(clerk)
        let form = try clerk.get("\(path)/letter?template=rueckfrage&language=de")
        #expect(form.status == 200)
        #expect(form.body.contains(#"name="fill.fragen""#))
        let token = try #require(form.csrfToken)
        let events = try caseEvents(path)
        let fields = [
            ("_csrf", token), ("template", "rueckfrage"), ("language", "de"), ("fill.fragen", "Welche Daten genau?"),
            ("fill.grund", "Ihr Schreiben ist mehrdeutig."), ("format", "text"),
        ]
        let preview = try clerk.post("\(path)/letter", fields + [("action", "preview")])
        #expect(preview.status == 200)
        #expect(preview.body.contains("Welche Daten genau?"))
        #expect(try caseEvents(path) == events, "a preview records nothing")
        let download = try clerk.post("\(path)/letter", fields + [("action", "download")])
        #expect(download.status == 200)
        #expect(download.header("Content-Disposition")?.contains(".txt\"") == true)
        #expect(download.body.contains("Welche Daten genau?"))
        let letters = try server.database.sqlite(
            "SELECT COUNT(*) FROM event WHERE caseId = '\(path.dropFirst(7))' AND kind = 'letter-produced'")
        #expect(letters == "1")
        let empty = try clerk.post(
            "\(path)/letter", [("_csrf", token), ("template", "rueckfrage"), ("action", "download")])
        #expect(empty.status == 422, "empty placeholders are refused")
    }
}
