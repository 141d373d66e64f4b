import DSRCore
import HTTPTypes
import Hummingbird
import Logging

/// Wraps every response: turns refusals and failures into an error page with its status
/// (a 500 names the request id that the log line carries, nothing else), and sets the
/// security headers on everything the server sends.
struct PageGuardMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let pages: Pages

    static let securityHeaders: [(HTTPField.Name, String)] = [
        (
            HTTPField.Name("Content-Security-Policy")!,
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        ),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (HTTPField.Name("Cross-Origin-Opener-Policy")!, "same-origin"),
        (HTTPField.Name("Permissions-Policy")!, "camera=(), microphone=(), geolocation=()"),
    ]

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        let isAPI = request.uri.path.hasPrefix("/api/")
        do {
            response = try await next(request, context)
        } catch let failure as WebFailure {
            response = errorPage(failure.status, failure.message, api: isAPI, context: context)
        } catch let error as any HTTPResponseError {
            response = errorPage(error.status, error.status.reasonPhrase, api: isAPI, context: context)
        } catch {
            // The error's type only: its text may quote input.
            context.logger.error("request failed", metadata: ["error": "\(type(of: error))"])
            response = errorPage(.internalServerError, "internal error", api: isAPI, context: context)
        }
        for (name, value) in Self.securityHeaders { response.headers[name] = value }
        // The database is away (a PostgreSQL restart or failover): clients may try again soon.
        if response.status == .serviceUnavailable { response.headers[.retryAfter] = "5" }
        return response
    }

    /// The error page, or under `/api/` the problem details.
    private func errorPage(_ status: HTTPResponse.Status, _ message: String, api: Bool, context: Context) -> Response {
        if status.code >= 500 {
            context.logger.error("answered \(status.code)", metadata: ["request": "\(context.requestID)"])
        }
        if api { return Problem(status: status, detail: message).response }
        var values: [String: Any] = [
            "lang": "de", "t": PageTexts.words(.de), "title": "\(status.code) \(status.reasonPhrase)",
            "status": status.code, "message": message,
        ]
        if status.code >= 500 { values["requestID"] = context.requestID }
        return Responses.page(pages.render("error", values), status: status)
    }
}
