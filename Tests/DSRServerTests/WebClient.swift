import Foundation

/// A response as it came over the socket: status, header fields in order, body.
struct WebResponse {
    let status: Int
    let headers: [(name: String, value: String)]
    let body: String

    /// The first value of a header field (names compare case-insensitively).
    func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }

    /// Every value of a header field.
    func headers(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// The value of the first hidden `_csrf` field of the page.
    var csrfToken: String? { body.firstMatch(#"name="_csrf" value="([^"]+)""#) }
}

/// A minimal HTTP/1.1 client over a real TCP socket, one connection per request, that
/// follows no redirects and keeps cookies like a browser: exactly what a route test needs to
/// see the server's own answers.
final class WebClient: @unchecked Sendable {
    let port: Int
    /// Cookies by name, as the server set them.
    var cookies: [String: String] = [:]

    init(port: Int) {
        self.port = port
    }

    func get(_ path: String, headers: [String: String] = [:]) throws -> WebResponse {
        try send(method: "GET", path: path, headers: headers, body: nil)
    }

    /// Posts a urlencoded form (fields may repeat), with the same-origin header a browser sends.
    func post(
        _ path: String, _ fields: [(String, String)], headers: [String: String] = ["Sec-Fetch-Site": "same-origin"]
    )
        throws -> WebResponse
    {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var all = headers
        all["Content-Type"] = "application/x-www-form-urlencoded"
        return try send(method: "POST", path: path, headers: all, body: Data(body.utf8))
    }

    func send(method: String, path: String, headers: [String: String], body: Data?) throws -> WebResponse {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !cookies.isEmpty {
            head +=
                "Cookie: " + cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
                + "\r\n"
        }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        var request = Data((head + "\r\n").utf8)
        if let body { request.append(body) }
        let response = try Self.parse(try exchange(request))
        for cookie in response.headers("Set-Cookie") {
            let pair = cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if cookie.contains("Max-Age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
        }
        return response
    }

    /// Writes the bytes, reads until the server closes the connection.
    func exchange(_ request: Data) throws -> Data {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ClientError("socket() failed") }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw ClientError("cannot connect to port \(port)") }
        try request.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let n = Foundation.send(socket, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                // The server may answer (413) and close before it read everything.
                guard n > 0 else { return }
                sent += n
            }
        }
        var received = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(socket, &chunk, chunk.count, 0)
            if n <= 0 { break }
            received.append(contentsOf: chunk[0..<n])
        }
        return received
    }

    static func parse(_ data: Data) throws -> WebResponse {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { throw ClientError("no HTTP response") }
        let lines = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw ClientError("bad status line") }
        let headers = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Data(data[split.upperBound...])
        if headers.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1.contains("chunked") }) {
            body = dechunk(body)
        }
        return WebResponse(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }

    private static func dechunk(_ data: Data) -> Data {
        var out = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)),
            let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self), radix: 16), size > 0
        {
            let start = lineEnd.upperBound
            out.append(rest[start..<start + size])
            rest = rest[(start + size + 2)...]
        }
        return out
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

struct ClientError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension String {
    /// The first capture group of a regular expression's first match.
    func firstMatch(_ pattern: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: self, range: NSRange(startIndex..., in: self)),
            let range = Range(match.range(at: 1), in: self)
        else { return nil }
        return String(self[range])
    }
}
