/// A `multipart/form-data` body (RFC 7578): its text fields and its files, as bytes. Used
/// only for the `.eml` upload, so it is small: part headers are read for their name and
/// file name, nothing else.
struct MultipartForm {
    /// A file sent with the form.
    struct File {
        let field: String
        let filename: String?
        let bytes: [UInt8]
    }

    private(set) var fields: [String: String] = [:]
    private(set) var files: [File] = []

    /// Reads a body with the boundary of its `Content-Type`; nil if it is not well formed.
    init?(body: [UInt8], contentType: String) {
        guard let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty, boundary.utf8.count <= 70
        else { return nil }
        let delimiter = Array(("\r\n--" + boundary).utf8)
        // The first delimiter has no line break before it.
        var body = body
        body.insert(contentsOf: [13, 10], at: 0)
        var position = 0
        guard let first = Self.find(delimiter, in: body, from: 0) else { return nil }
        position = first + delimiter.count
        while true {
            guard position + 2 <= body.count else { return nil }
            if body[position] == UInt8(ascii: "-"), body[position + 1] == UInt8(ascii: "-") { return }
            guard body[position] == 13, body[position + 1] == 10 else { return nil }
            let start = position + 2
            guard let end = Self.find(delimiter, in: body, from: start),
                let headerEnd = Self.find([13, 10, 13, 10], in: body, from: start), headerEnd < end
            else { return nil }
            let headers = String(decoding: body[start..<headerEnd], as: UTF8.self)
            let content = Array(body[(headerEnd + 4)..<end])
            guard let disposition = Self.header("content-disposition", in: headers),
                let name = Self.parameter("name", in: disposition)
            else { return nil }
            if let filename = Self.parameter("filename", in: disposition) {
                files.append(File(field: name, filename: filename, bytes: content))
            } else {
                fields[name] = String(decoding: content, as: UTF8.self)
            }
            position = end + delimiter.count
        }
    }

    /// The value of a header line of a part, by lowercase name.
    private static func header(_ name: String, in headers: String) -> String? {
        for line in headers.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == name else { continue }
            return String(line[line.index(after: colon)...])
        }
        return nil
    }

    /// A parameter (`name="x"`, `boundary=y`) of a header value.
    static func parameter(_ name: String, in value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, trimmed(pair[0]).lowercased() == name else { continue }
            var text = trimmed(pair[1])
            if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
                text = String(text.dropFirst().dropLast())
            }
            return text
        }
        return nil
    }

    /// Without blanks at either end.
    private static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// The index of the first `needle` in `bytes` at or after `from`.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = from
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == needle[0] {
                var matches = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }
}
