import DSRTestSupport
import Foundation
import Testing

/// Login throttling, on a server of its own (it locks an account).
@Suite("Sign-in throttling")
struct ThrottleTests {
    @Test(
        "five failures within 15 minutes lock the account: 429 even with the right password; the log keeps no password")
    func lockout() throws {
        let server = try ServerProcess(cases: 5)
        defer { server.stop() }
        func attempt(_ login: String, _ password: String) throws -> WebResponse {
            let client = server.client()
            let token = try client.get("/login").csrfToken!
            return try client.post("/login", [("_csrf", token), ("login", login), ("password", password)])
        }
        for _ in 0..<5 { #expect(try attempt("leitung", "not-the-password!").status == 401) }
        let locked = try attempt("leitung", server.passwords["leitung"]!)
        #expect(locked.status == 429)
        #expect(locked.header("Retry-After") != nil)
        #expect(try attempt("datenschutz", server.passwords["datenschutz"]!).status == 303, "other accounts go on")
        // Unknown logins lock the same way, so the answer does not tell which logins exist.
        for _ in 0..<5 { #expect(try attempt("no-such-user", "not-the-password!").status == 401) }
        #expect(try attempt("no-such-user", "not-the-password!").status == 429)
        let log = try server.database.sqlite(
            "SELECT group_concat(outcome || ':' || COALESCE(account, '-'), ' ') FROM signInLog")
        #expect(log.contains("failed:leitung"))
        #expect(log.contains("throttled:leitung"))
        #expect(!log.contains("no-such-user"), "an unknown login is kept only as a hash")
        let dump = try server.database.sqlite(".dump")
        #expect(!dump.contains("not-the-password!"))
        #expect(!dump.contains(server.passwords["leitung"]!))
    }
}
