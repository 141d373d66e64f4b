import DSRApp
import DSRCore
import DSRReports
import Foundation
import HTTPTypes
import Hummingbird

/// What every route needs: the open tracker, the page templates, the server's settings, and
/// the two gates every request passes (who is signed in; whether a form is genuine).
struct WebApp: Sendable {
    let tracker: Tracker
    let pages: Pages
    let settings: ServerSettings
    /// The letter templates in force (embedded, or the folder `dsr serve --templates` names).
    let letters: LetterTemplates
    /// The start page and case lists as last built, per session (see `PageCache`).
    let pageCache = PageCache()
    /// Whether the database answers, for `/healthz`.
    let databaseHealth = DatabaseHealth()

    var cookie: SessionCookie { SessionCookie(secure: settings.secureCookies) }
    var formGuard: FormGuard { FormGuard(publicOrigin: settings.publicOrigin) }

    /// The largest form body accepted (1 MiB); a larger one is answered 413.
    static let maximumFormBytes = 1 << 20

    /// The signed-in user of a request, if its session cookie names an open session. Behind
    /// a trusted proxy, a session of another login than the one the proxy names counts as
    /// signed out (a shared browser after someone else signed in at the proxy).
    func signedIn(_ request: Request, _ context: WebContext) async throws -> SignedIn? {
        guard let token = SessionCookie.value(SessionCookie.session, in: request) else { return nil }
        let now = Instant(Date())
        guard let user = try await tracker.perform({ try $0.signedIn(token: token, now: now) }) else { return nil }
        if let named = proxiedLogin(request, context), named != user.session.actor { return nil }
        return user
    }

    /// The login a trusted reverse proxy names in its header, for a request that came from it.
    func proxiedLogin(_ request: Request, _ context: WebContext) -> String? {
        guard let proxy = settings.trustedProxy, context.peerAddress == proxy.address,
            let login = request.headers[proxy.header]?.trimmingCharacters(in: .whitespaces), !login.isEmpty
        else { return nil }
        return login
    }

    /// A page for signed-in users: anyone else is sent to the sign-in form (303), which
    /// brings them back to this path afterwards (never its query, which could hold a name).
    func page(_ request: Request, _ context: WebContext, _ body: (SignedIn) async throws -> Response)
        async throws -> Response
    {
        guard let user = try await signedIn(request, context) else {
            let path = request.uri.path
            let next =
                path == "/" ? "" : "?next=" + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            return Responses.redirect(to: "/login" + next)
        }
        if mustSetUpSecondFactor(user, request) { return Responses.redirect(to: "/account") }
        return try await body(user)
    }

    /// A state-changing form of a signed-in user: refused with 403 (and nothing done) unless
    /// signed in, from this site, and carrying the session's form token; larger than 1 MiB: 413.
    func form(
        _ request: Request, _ context: WebContext, _ body: (SignedIn, FormFields) async throws -> Response
    ) async throws -> Response {
        let fields = try await Self.fields(of: request)
        guard let user = try await signedIn(request, context), !formGuard.isCrossSite(request),
            FormGuard.tokensMatch(fields["_csrf"], user.csrfToken)
        else { throw WebFailure.forbidden }
        if mustSetUpSecondFactor(user, request) { throw WebFailure.forbidden }
        return try await body(user, fields)
    }

    /// The largest upload accepted: a message of 25 MiB and the form around it; more is 413.
    static let maximumUploadBytes = 25 * 1024 * 1024 + 64 * 1024

    /// A file upload (`multipart/form-data`) of a signed-in user, with the checks of `form`:
    /// who it is and that it is from this site before the body is read, then the form token.
    func upload(
        _ request: Request, _ context: WebContext, _ body: (SignedIn, MultipartForm) async throws -> Response
    ) async throws -> Response {
        guard let user = try await signedIn(request, context), !formGuard.isCrossSite(request),
            !mustSetUpSecondFactor(user, request)
        else { throw WebFailure.forbidden }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: Self.maximumUploadBytes)
        } catch {
            throw WebFailure(status: .contentTooLarge, message: "the upload is larger than 25 MiB")
        }
        guard let contentType = request.headers[.contentType],
            let form = MultipartForm(body: Array(buffer.readableBytesView), contentType: contentType)
        else { throw WebFailure.badForm }
        guard FormGuard.tokensMatch(form.fields["_csrf"], user.csrfToken) else { throw WebFailure.forbidden }
        return try await body(user, form)
    }

    /// Whether the server requires a second factor that this user has not set up, for a
    /// page other than the account page (where it is set up) and signing out.
    func mustSetUpSecondFactor(_ user: SignedIn, _ request: Request) -> Bool {
        settings.requireSecondFactor && !user.secondFactor && !request.uri.path.hasPrefix("/account")
            && request.uri.path != "/logout"
    }

    /// The fields of a form body (at most 1 MiB).
    static func fields(of request: Request) async throws -> FormFields {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumFormBytes)
        } catch {
            throw WebFailure(status: .contentTooLarge, message: "the form is larger than 1 MiB")
        }
        guard let fields = FormFields(String(decoding: buffer.readableBytesView, as: UTF8.self)) else {
            throw WebFailure.badForm
        }
        return fields
    }

    /// Runs a use case in the user's session off the server's threads; its refusals become
    /// `WebFailure`s with their HTTP status.
    func run<Result: Sendable>(
        _ user: SignedIn, _ useCase: @escaping @Sendable (Session) throws -> Result
    ) async throws -> Result {
        do {
            return try await user.session.perform(useCase)
        } catch let error as AppError {
            throw WebFailure(error)
        }
    }

    /// The values every page has: language, title, words, the user and their form token, and
    /// which parts of the navigation their role reaches.
    func frame(_ user: SignedIn?, title: String, language: Language? = nil) -> [String: Any] {
        let language = language ?? user?.language ?? .de
        var values: [String: Any] = [
            "lang": language.rawValue, "title": title, "t": PageTexts.words(language),
        ]
        if let user {
            let role = user.session.access.role ?? .dpo
            values["user"] = ["login": user.session.actor, "role": role.label(language)]
            values["csrf"] = user.csrfToken
            values["isSupervisor"] = role >= .supervisor
            values["isDPO"] = role == .dpo
        }
        return values
    }

    /// A page that is built again only when the record changed or the minute passed (the
    /// start page, the case lists: they read every open case).
    func cachedPage(
        _ request: Request, _ user: SignedIn, build: @escaping @Sendable () async throws -> String
    ) async throws -> Response {
        let key = PageCache.Key(
            session: user.csrfToken, path: user.language.rawValue + " " + request.uri.description,
            version: user.recordVersion,
            minute: user.session.now.secondsSinceEpoch / 60)
        return Responses.page(try await pageCache.page(key, render: build))
    }

    /// A whole page from a template and the frame.
    func render(_ template: String, _ values: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        Responses.page(pages.render(template, values), status: status)
    }
}
