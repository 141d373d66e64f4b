import DSRApp
import DSRCore
import Foundation
import HTTPTypes
import Hummingbird

/// `/healthz` (the server and its database), `/style.css`, and signing in and out.
enum SignInRoutes {
    static func add(to router: Router<WebContext>, app: WebApp) {
        // For a load balancer: ok only while the database answers.
        router.get("/healthz") { _, _ in
            let reachable = await app.databaseHealth.isReachable(app.tracker)
            return Response(
                status: reachable ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: reachable ? "ok\n" : "database unavailable\n")))
        }
        router.get("/style.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: Pages.stylesheet)))
        }
        router.get("/login") { request, context in
            let next = FormFields(query: request)["next"]
            if try await app.signedIn(request, context) != nil { return Responses.redirect(to: safeNext(next) ?? "/") }
            if let login = app.proxiedLogin(request, context) {
                let now = Instant(Date())
                guard let ticket = try await app.tracker.perform({ try $0.signIn(trustedLogin: login, now: now) })
                else {
                    throw WebFailure(status: .forbidden, message: "the proxy names no enabled staff account")
                }
                return Responses.redirect(
                    to: safeNext(next) ?? "/", setting: [app.cookie.set(SessionCookie.session, to: ticket.token)])
            }
            return signInForm(app, next: next, error: nil, status: .ok)
        }
        router.post("/login") { request, context in try await signIn(request, app: app) }
        router.post("/logout") { request, context in
            try await app.form(request, context) { _, _ in
                if let token = SessionCookie.value(SessionCookie.session, in: request) {
                    let now = Instant(Date())
                    try await app.tracker.perform { try $0.signOut(token: token, now: now) }
                }
                return Responses.redirect(to: "/login", setting: [app.cookie.clear(SessionCookie.session)])
            }
        }
    }

    /// The sign-in form; it carries its own token (also in a cookie), since there is no session yet.
    static func signInForm(_ app: WebApp, next: String?, error: String?, status: HTTPResponse.Status) -> Response {
        let token = RandomToken.make()
        var values = app.frame(nil, title: PageTexts.words(.de)["signIn"]!)
        values["csrf"] = token
        values["next"] = safeNext(next) ?? ""
        if let error {
            values["hasErrors"] = true
            values["errors"] = [["field": "login", "message": error]]
        }
        var response = app.render("login", values, status: status)
        response.headers.append(HTTPField(name: .setCookie, value: app.cookie.set(SessionCookie.signInForm, to: token)))
        return response
    }

    static func signIn(_ request: Request, app: WebApp) async throws -> Response {
        let fields = try await WebApp.fields(of: request)
        guard !app.formGuard.isCrossSite(request),
            let expected = SessionCookie.value(SessionCookie.signInForm, in: request),
            FormGuard.tokensMatch(fields["_csrf"], expected)
        else { throw WebFailure.forbidden }
        let login = fields["login"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let password = fields["password"] ?? ""
        let code = fields.text("code")
        let next = fields["next"]
        guard !login.isEmpty, !password.isEmpty, login.count <= 200, password.utf8.count <= 1024 else {
            return signInForm(app, next: next, error: refusal, status: .unauthorized)
        }
        let now = Instant(Date())
        switch try await app.tracker.perform({
            try $0.signIn(login: login, password: password, code: code, now: now)
        }) {
        case .signedIn(let ticket):
            return Responses.redirect(
                to: safeNext(next) ?? "/",
                setting: [
                    app.cookie.set(SessionCookie.session, to: ticket.token), app.cookie.clear(SessionCookie.signInForm),
                ])
        case .refused:
            return signInForm(app, next: next, error: refusal, status: .unauthorized)
        case .locked(let until):
            var response = signInForm(
                app, next: next,
                error:
                    "Zu viele Fehlversuche: Anmeldung für 15 Minuten gesperrt. / Too many failed attempts: signing in is locked for 15 minutes.",
                status: .tooManyRequests)
            response.headers[.retryAfter] = "\(max(1, until.secondsSinceEpoch - now.secondsSinceEpoch))"
            return response
        }
    }

    /// One answer for an unknown login and a wrong password.
    static let refusal =
        "Anmeldename, Passwort oder Einmalcode falsch. / Wrong login, password or one-time code."

    /// A path on this site to go to after sign-in: `/…` but never `//…` or `/\…` (another
    /// site), no control characters; else nil.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), next.count < 200,
            next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" })
        else { return nil }
        return next
    }
}
