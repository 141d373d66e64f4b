import DSRTestSupport
import Foundation
import Testing

/// Single sign-on through a reverse proxy that names the login in a header
/// (`--trusted-header NAME --trusted-proxy ADDR`). The tests' client connects from
/// 127.0.0.1, so it is the proxy when that address is trusted.
@Suite("Trusted proxy")
struct TrustedProxyTests {
    @Test("the proxy's login signs in without a password; a session of another login counts as signed out")
    func believed() throws {
        let server = try ServerProcess(
            cases: 5, arguments: ["--trusted-header", "X-Remote-User", "--trusted-proxy", "127.0.0.1"])
        defer { server.stop() }
        let browser = server.client()
        let signIn = try browser.get("/login?next=%2Fcases", headers: ["X-Remote-User": "leitung"])
        #expect(signIn.status == 303)
        #expect(signIn.header("Location") == "/cases")
        #expect(browser.cookies["dsr_session"] != nil)
        #expect(try browser.get("/", headers: ["X-Remote-User": "leitung"]).status == 200)
        // Someone else signs in at the proxy on the same browser: the old session is not theirs.
        let other = try browser.get("/", headers: ["X-Remote-User": "datenschutz"])
        #expect(other.status == 303)
        #expect(other.header("Location") == "/login")
        #expect(try browser.get("/login", headers: ["X-Remote-User": "datenschutz"]).status == 303)
        let page = try browser.get("/purge", headers: ["X-Remote-User": "datenschutz"])
        #expect(page.status == 200, "the DPO's page for the DPO")
        #expect(try server.client().get("/login", headers: ["X-Remote-User": "no-such-login"]).status == 403)
        let log = try server.database.sqlite("SELECT COUNT(*) FROM signInLog WHERE outcome = 'succeeded'")
        #expect(log == "2")
    }

    @Test("requests from any other address are not believed; the two options go together")
    func notBelieved() throws {
        let server = try ServerProcess(
            cases: 5, arguments: ["--trusted-header", "X-Remote-User", "--trusted-proxy", "10.9.9.9"])
        defer { server.stop() }
        let browser = server.client()
        let form = try browser.get("/login", headers: ["X-Remote-User": "leitung"])
        #expect(form.status == 200)
        #expect(browser.cookies["dsr_session"] == nil)
        let alone = try server.database.run(["serve", "--trusted-header", "X-Remote-User"])
        #expect(alone.status == 64)
        #expect(alone.stderr.contains("go together"))
    }
}
