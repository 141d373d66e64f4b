import DSRApp
import DSRCore
import Foundation
import HTTPTypes
import Hummingbird

/// The personal calendar subscription: a secret address per user that Outlook or
/// Thunderbird reads without signing in, made and revoked on the account page. The feed holds
/// case ids, kinds and statuses, never personal data.
enum CalendarRoutes {
    static func add(to router: Router<WebContext>, app: WebApp) {
        router.get("/calendar/:file") { _, context in
            guard let file = context.parameters.get("file"), file.hasSuffix(".ics") else { throw WebFailure.notFound }
            let token = String(file.dropLast(4))
            guard token.count == 43, token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw WebFailure.notFound
            }
            let now = Instant(Date())
            guard let session = try await app.tracker.perform({ try $0.calendarSession(token: token, now: now) }) else {
                throw WebFailure.notFound
            }
            let feed = try await ScratchFile.bytes { path in
                try await session.perform { try $0.deadlineCalendar(to: path) }
            }
            return Response(
                status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: feed))
        }
        router.post("/account/calendar") { request, context in
            try await app.form(request, context) { user, fields in
                if fields["revoke"] != nil {
                    try await app.run(user) { try $0.revokeCalendar() }
                    return ToolRoutes.accountPage(
                        app, user, error: nil, notice: PageTexts.words(user.language)["saved"])
                }
                let token = try await app.run(user) { try $0.newCalendarToken() }
                var response = ToolRoutes.accountPage(
                    app, user, error: nil, notice: nil, calendarURL: url(app, request, token))
                response.headers[.cacheControl] = "no-store"
                return response
            }
        }
    }

    /// The subscription address: on the public URL when one is set, else on the host asked for.
    static func url(_ app: WebApp, _ request: Request, _ token: String) -> String {
        let base =
            app.settings.publicOrigin
            ?? "http://" + (request.headers[HTTPField.Name("Host")!] ?? "\(app.settings.host):\(app.settings.port)")
        return base + "/calendar/\(token).ics"
    }
}
