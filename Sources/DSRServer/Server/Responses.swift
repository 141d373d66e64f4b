import HTTPTypes
import Hummingbird

/// The responses the pages send: HTML pages, redirects after a form, downloads.
enum Responses {
    /// An HTML page; never cached, since pages can hold personal data.
    static func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// 303 See Other to a path of this site (after a form, so a reload does not post again).
    static func redirect(to path: String, setting cookies: [String] = []) -> Response {
        var headers: HTTPFields = [.location: path, .cacheControl: "no-store"]
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }

    /// A file to save (`Content-Disposition: attachment`) under an ASCII file name the server
    /// chose, never one from people; not cached.
    static func download(_ bytes: ByteBuffer, fileName: String, contentType: String) -> Response {
        let safeName = String(
            fileName.unicodeScalars.filter {
                $0.isASCII && ($0.properties.isAlphabetic || "0123456789.-_".unicodeScalars.contains($0))
            })
        return Response(
            status: .ok,
            headers: [
                .contentType: contentType, .cacheControl: "no-store",
                .contentDisposition: "attachment; filename=\"\(safeName)\"",
            ],
            body: ResponseBody(byteBuffer: bytes))
    }
}
