import DSRTestSupport
import Foundation
import Testing

/// The contract of `dsr serve`'s routes, against the real server process over real sockets.
@Suite("Routes")
struct RouteTests {
    let server = SharedServer.instance

    static let csp =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    @Test("healthz answers without sign-in; every response carries the security headers")
    func healthAndHeaders() throws {
        let client = server.client()
        let health = try client.get("/healthz")
        #expect(health.status == 200)
        for path in ["/healthz", "/login", "/", "/no-such-page", "/style.css"] {
            let response = try client.get(path)
            #expect(response.header("Content-Security-Policy") == Self.csp, "\(path)")
            #expect(response.header("X-Content-Type-Options") == "nosniff", "\(path)")
            #expect(response.header("Referrer-Policy") == "no-referrer", "\(path)")
        }
        #expect(try client.get("/login").header("Cache-Control") == "no-store")
        #expect(try client.get("/no-such-page").status == 404)
    }

    @Test("without sign-in a page redirects to /login and a POST is refused with 403")
    func signInRequired() throws {
        let client = server.client()
        let start = try client.get("/")
        #expect(start.status == 303)
        #expect(start.header("Location") == "/login")
        let newCase = try client.get("/cases/new")
        #expect(newCase.status == 303)
        #expect(newCase.header("Location") == "/login?next=%2Fcases%2Fnew")
        let post = try client.post("/cases", [("kind", "access"), ("subject", "X")])
        #expect(post.status == 403)
        #expect(try client.post("/logout", []).status == 403)
    }

    @Test("the sign-in form has login, password and _csrf; success sets a strict session cookie")
    func signIn() throws {
        let client = server.client()
        let form = try client.get("/login")
        #expect(form.body.contains(#"name="login""#))
        #expect(form.body.contains(#"name="password""#))
        let token = try #require(form.csrfToken)
        let done = try client.post(
            "/login",
            [("_csrf", token), ("login", "leitung"), ("password", server.passwords["leitung"]!), ("next", "/cases")])
        #expect(done.status == 303)
        #expect(done.header("Location") == "/cases")
        let cookie = try #require(done.headers("Set-Cookie").first { $0.hasPrefix("dsr_session=") })
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Strict"))
        #expect(cookie.contains("Path=/"))
        #expect(!cookie.contains("Secure"), "no https public URL here")
        #expect(try client.get("/").status == 200)
    }

    @Test(
        "a next path leading to another site is ignored",
        arguments: ["//evil.example/", "/\\evil.example", "https://evil.example/"])
    func openRedirect(next: String) throws {
        let client = server.client()
        let form = try client.get("/login")
        let done = try client.post(
            "/login",
            [
                ("_csrf", form.csrfToken!), ("login", "leitung"), ("password", server.passwords["leitung"]!),
                ("next", next),
            ])
        #expect(done.status == 303)
        #expect(done.header("Location") == "/")
    }

    @Test(
        "the sign-in form without its token is refused, and a wrong password gets the same answer as an unknown login")
    func signInRefusals() throws {
        let client = server.client()
        _ = try client.get("/login")
        let noToken = try client.post("/login", [("login", "leitung"), ("password", server.passwords["leitung"]!)])
        #expect(noToken.status == 403)
        #expect(client.cookies["dsr_session"] == nil)
        let wrong = try client.post(
            "/login",
            [
                ("_csrf", try client.get("/login").csrfToken!), ("login", "datenschutz"),
                ("password", "wrong-password-123"),
            ])
        let unknown = try client.post(
            "/login",
            [
                ("_csrf", try client.get("/login").csrfToken!), ("login", "nobody-here"),
                ("password", "wrong-password-123"),
            ])
        #expect(wrong.status == 401)
        #expect(unknown.status == 401)
        let message = ##"<li><a href="#login">([^<]+)</a>"##
        #expect(wrong.body.firstMatch(message) != nil)
        #expect(wrong.body.firstMatch(message) == unknown.body.firstMatch(message))
    }

    @Test("sign-in issues a new session id; the database keeps only its hash; sign-out ends it on the server")
    func sessionLifecycle() throws {
        let client = server.client()
        client.cookies["dsr_session"] = "attacker-chosen-session-id-0123456789"
        let form = try client.get("/login")
        _ = try client.post(
            "/login",
            [("_csrf", form.csrfToken!), ("login", "pressestelle1"), ("password", server.passwords["pressestelle1"]!)])
        let id = try #require(client.cookies["dsr_session"])
        #expect(id != "attacker-chosen-session-id-0123456789")
        let stored = try server.database.sqlite(
            "SELECT COUNT(*) FROM webSession WHERE tokenHash = '\(id)' OR csrfToken = '\(id)'")
        #expect(stored == "0", "the session id itself is not stored")
        let page = try client.get("/")
        #expect(page.status == 200)
        let stolen = id
        #expect(try client.post("/logout", [("_csrf", page.csrfToken!)]).status == 303)
        let replay = server.client()
        replay.cookies["dsr_session"] = stolen
        #expect(try replay.get("/").status == 303, "the old id no longer signs anyone in")
    }

    @Test("an idle session ends after 30 minutes, any session after 10 hours")
    func sessionExpiry() throws {
        // A server of its own: the test ages every session of its database.
        let server = try ServerProcess(cases: 5)
        defer { server.stop() }
        for column in ["lastSeenAt = lastSeenAt - 1801", "createdAt = createdAt - 36001"] {
            let client = try server.signedIn("pressestelle1")
            #expect(try client.get("/").status == 200)
            _ = try server.database.sqlite("UPDATE webSession SET \(column)")
            let after = try client.get("/")
            #expect(after.status == 303, "\(column)")
            #expect(after.header("Location") == "/login")
        }
    }

    @Test("roles: a clerk may not open the reports page (403); the DPO may")
    func roleRefusals() throws {
        let clerk = try server.signedIn("pressestelle1")
        #expect(try clerk.get("/reports").status == 403)
        #expect(try clerk.get("/purge").status == 403)
        let supervisor = try server.signedIn("leitung")
        #expect(try supervisor.get("/reports").status == 200)
        #expect(try supervisor.get("/purge").status == 403)
        let dpo = try server.signedIn("datenschutz")
        #expect(try dpo.get("/purge").status == 200)
        let verify = try dpo.get("/verify")
        #expect(verify.status == 200)
        #expect(verify.body.firstMatch(#"<code id="head-hash">([0-9a-f]{64})</code>"#) != nil)
    }

    @Test("a case the clerk may not see answers 404, the same as one that does not exist")
    func hiddenCase() throws {
        let supervisor = try server.signedIn("leitung")
        let others = try server.database.sqlite(
            "SELECT id FROM caseProjection WHERE assignee IS NOT NULL AND assignee <> 'pressestelle1' LIMIT 1")
        #expect(try supervisor.get("/cases/\(others)").status == 200)
        let clerk = try server.signedIn("pressestelle1")
        let hidden = try clerk.get("/cases/\(others)")
        let missing = try clerk.get("/cases/2026-99999")
        #expect(hidden.status == 404)
        #expect(missing.status == 404)
        #expect(try clerk.get("/cases/not-a-case").status == 404)
    }

    @Test("the case list filters and pages, and refuses an unknown filter with 400")
    func caseList() throws {
        // A server of its own: the other tests add cases to the shared one.
        let server = try ServerProcess()
        defer { server.stop() }
        let supervisor = try server.signedIn("leitung")
        let all = try supervisor.get("/cases")
        #expect(all.status == 200)
        let count = Int(all.body.firstMatch(#"<p role="status">(\d+) "#) ?? "") ?? -1
        #expect(count == 60)
        #expect(all.body.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == 50, "50 rows a page")
        let second = try supervisor.get("/cases?page=2")
        #expect(second.body.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == 10)
        let closed = try supervisor.get("/cases?status=closed")
        let closedCount = Int(closed.body.firstMatch(#"<p role="status">(\d+) "#) ?? "") ?? -1
        let expected = Int(try server.database.sqlite("SELECT COUNT(*) FROM caseProjection WHERE lifecycle = 'closed'"))
        #expect(closedCount == expected)
        #expect(try supervisor.get("/cases?status=bogus").status == 400)
        // A write by another process shows at once: pages are kept only while the record is unchanged.
        let logged = try server.database.run([
            "log", "--kind", "access", "--channel", "post", "--received", "now", "--subject", "Neu Fall",
        ])
        #expect(logged.status == 0)
        let after = try supervisor.get("/cases")
        #expect(Int(after.body.firstMatch(#"<p role="status">(\d+) "#) ?? "") == 61)
    }

    @Test("a form body over 1 MiB is answered 413 and the server goes on")
    func oversizeBody() throws {
        let client = try server.signedIn("pressestelle1")
        let big = Data(repeating: UInt8(ascii: "a"), count: 2 << 20)
        let response = try client.send(
            method: "POST", path: "/cases", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: big)
        #expect(response.status == 413)
        #expect(try client.get("/healthz").status == 200)
    }

    @Test("the start page lists the policy's recurring duties and records one as done")
    func duties() throws {
        let clerk = try server.signedIn("pressestelle1")
        let start = try clerk.get("/")
        let duty = try #require(start.body.firstMatch(#"name="duty" value="([^"]+)""#))
        let channel = try #require(start.body.firstMatch(#"name="channel" value="([^"]+)""#))
        let done = try clerk.post(
            "/duties/done",
            [("_csrf", start.csrfToken!), ("duty", duty), ("channel", channel), ("link", "https://example.org/post/1")])
        #expect(done.status == 303)
        let recorded = try server.database.sqlite(
            "SELECT COUNT(*) FROM event WHERE kind = 'duty-done' AND payload LIKE '%example.org/post/1%'")
        #expect(recorded == "1")
        let bad = try clerk.post(
            "/duties/done",
            [("_csrf", start.csrfToken!), ("duty", duty), ("channel", channel), ("link", "javascript:x")])
        #expect(bad.status == 422)
    }

    @Test("the deadline calculator reads a GET form as browsers send it (a space as +)")
    func calculator() throws {
        let clerk = try server.signedIn("pressestelle1")
        let page = try clerk.get("/deadline?kind=access&received=31.01.2026+10%3A00")
        #expect(page.status == 200)
        #expect(page.body.contains(#"<dd id="deadline"><time datetime="2026-03-02">Mo 02.03.2026</time></dd>"#))
        #expect(
            try clerk.get("/deadline?kind=injunction&received=31.01.2026").status == 422, "a civil claim needs its date"
        )
        #expect(try clerk.get("/cases?kind=%2C").status == 400)
    }
}
