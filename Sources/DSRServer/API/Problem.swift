import DSRCore
import HTTPTypes
import Hummingbird

/// An API refusal as RFC 9457 problem details (`application/problem+json`): the status, its
/// reason phrase as title, and the same one-line reason the command line gives.
struct Problem: Error {
    let status: HTTPResponse.Status
    let detail: String

    static let unauthorized = Problem(
        status: .unauthorized, detail: "a valid bearer token is needed (dsr token create)")

    /// The problem a page refusal or a use case's refusal is for the API: a step that makes no
    /// sense is 409 there.
    init(_ failure: WebFailure) {
        status = failure.status
        detail = failure.message
    }

    init(status: HTTPResponse.Status, detail: String) {
        self.status = status
        self.detail = detail
    }

    /// The answer to a method a path of the API does not take: 405, `Allow` names the ones it takes.
    static func methodNotAllowed(allow: String) -> Response {
        var response = Problem(status: .methodNotAllowed, detail: "this path takes \(allow)").response
        response.headers[.allow] = allow
        return response
    }

    /// The response, never cached.
    var response: Response {
        var json = JSONWriter()
        json.beginObject()
        json.key("type")
        json.string("about:blank")
        json.key("title")
        json.string(status.reasonPhrase)
        json.key("status")
        json.integer(status.code)
        json.key("detail")
        json.string(detail)
        json.endObject()
        var headers: HTTPFields = [.contentType: "application/problem+json", .cacheControl: "no-store"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"dsr\"" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: json.text)))
    }
}
