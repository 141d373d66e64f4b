import DSRApp
import DSRCore
import DSRTestSupport
import Foundation
import Testing

/// The second factor (TOTP): set up on the account page, asked for at sign-in, and required
/// for every account by `dsr serve --require-totp`.
@Suite("Second factor")
struct SecondFactorTests {
    /// Sets up a second factor for a signed-in client; returns its secret and the moment
    /// whose code confirmed it.
    @discardableResult
    func setUp(_ client: WebClient) throws -> (secret: String, confirmedAt: Instant) {
        let account = try client.get("/account")
        let begun = try client.post("/account/second-factor", [("_csrf", account.csrfToken!)])
        let secret = try #require(begun.body.firstMatch(#"id="totp-secret" value="([A-Z2-7]{32})""#))
        let wrong = try client.post(
            "/account/second-factor/confirm", [("_csrf", account.csrfToken!), ("code", "000000")])
        #expect(wrong.status == 422)
        let begunAgain = try client.post("/account/second-factor", [("_csrf", account.csrfToken!)])
        let fresh = try #require(begunAgain.body.firstMatch(#"id="totp-secret" value="([A-Z2-7]{32})""#))
        let confirmedAt = Instant(Date())
        let code = try #require(OneTimeCode.code(secret: fresh, at: confirmedAt))
        let confirmed = try client.post(
            "/account/second-factor/confirm", [("_csrf", account.csrfToken!), ("code", code)])
        #expect(confirmed.status == 303)
        #expect(secret != fresh, "each setup makes a new secret")
        return (fresh, confirmedAt)
    }

    @Test("once set up, sign-in needs the code; a wrong or an already used code is refused like a wrong password")
    func signInWithCode() throws {
        let server = try ServerProcess(cases: 5)
        defer { server.stop() }
        let (secret, confirmedAt) = try setUp(try server.signedIn("leitung"))
        func attempt(_ code: String?) throws -> WebResponse {
            let client = server.client()
            let token = try client.get("/login").csrfToken!
            var fields = [("_csrf", token), ("login", "leitung"), ("password", server.passwords["leitung"]!)]
            if let code { fields.append(("code", code)) }
            return try client.post("/login", fields)
        }
        #expect(try attempt(nil).status == 401)
        #expect(try attempt("123456").status == 401)
        // The code that confirmed the setup is spent; the app's next code (one step of drift) signs in, once.
        let next = OneTimeCode.code(secret: secret, at: Instant(secondsSinceEpoch: confirmedAt.secondsSinceEpoch + 30))!
        #expect(try attempt(OneTimeCode.code(secret: secret, at: confirmedAt)!).status == 401)
        #expect(try attempt(next).status == 303)
        #expect(try attempt(next).status == 401, "a one-time code works once")
    }

    @Test("with --require-totp an account without a second factor reaches only its account page")
    func required() throws {
        let server = try ServerProcess(cases: 5, arguments: ["--require-totp"])
        defer { server.stop() }
        let clerk = try server.signedIn("pressestelle1")
        let start = try clerk.get("/")
        #expect(start.status == 303)
        #expect(start.header("Location") == "/account")
        let account = try clerk.get("/account")
        #expect(account.status == 200)
        #expect(try clerk.post("/cases", [("_csrf", account.csrfToken!), ("kind", "access")]).status == 403)
        try setUp(clerk)
        // The session now belongs to an account with a second factor.
        #expect(try clerk.get("/").status == 200)
    }
}
