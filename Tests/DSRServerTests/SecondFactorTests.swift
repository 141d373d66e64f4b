import DSRApp
import DSRCore
import DSRTestSupport
import Foundation
import Testing

/// The second factor (TOTP): set up on the account page, asked for at sign-in, and required
/// for every account by `dsr serve --require-totp`.
@Suite("Second factor")
struct SecondFactorTests {
    /// Sets up a second factor for a signed-in client and returns its secret.
    func setUp(_ client: WebClient) throws -> String {
        let account = try client.get("/account")
        let begun = try client.post("/account/second-factor", [("_csrf", account.csrfToken!)])
        let secret = try #require(begun.body.firstMatch(#"id="totp-secret" value="([A-Z2-7]{32})""#))
        let wrong = try client.post(
            "/account/second-factor/confirm", [("_csrf", account.csrfToken!), ("code", "000000")])
        #expect(wrong.status == 422)
        let begunAgain = try client.post("/account/second-factor", [("_csrf", account.csrfToken!)])
        let fresh = try #require(begunAgain.body.firstMatch(#"id="totp-secret" value="([A-Z2-7]{32})""#))
        let code = try #require(OneTimeCode.code(secret: fresh, at: Instant(Date())))
        let confirmed = try client.post(
            "/account/second-factor/confirm", [("_csrf", account.csrfToken!), ("code", code)])
        #expect(confirmed.status == 303)
        #expect(secret != fresh, "each setup makes a new secret")
        return fresh
    }

    @Test("once set up, sign-in needs the code as well; a wrong code is refused like a wrong password")
    func signInWithCode() throws {
        let server = try ServerProcess(cases: 5)
        defer { server.stop() }
        let secret = try setUp(try server.signedIn("leitung"))
        func attempt(_ code: String?) throws -> WebResponse {
            let client = server.client()
            let token = try client.get("/login").csrfToken!
            var fields = [("_csrf", token), ("login", "leitung"), ("password", server.passwords["leitung"]!)]
            if let code { fields.append(("code", code)) }
            return try client.post("/login", fields)
        }
        #expect(try attempt(nil).status == 401)
        #expect(try attempt("123456").status == 401)
        #expect(try attempt(OneTimeCode.code(secret: secret, at: Instant(Date()))!).status == 303)
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
        _ = try setUp(clerk)
        // The session now belongs to an account with a second factor.
        #expect(try clerk.get("/").status == 200)
    }
}
