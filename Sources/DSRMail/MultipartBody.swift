/// The body parts of a multipart body, between its boundary delimiter lines (RFC 2046 §5.1.1).
struct MultipartBody {
    /// The parts, each without the line end that belongs to the delimiter after it.
    var parts: [ArraySlice<UInt8>]
    /// Whether the closing delimiter (`--boundary--`) came; if not, the last part runs to the end.
    var closed: Bool

    /// Splits `body` at lines that are `--boundary` or `--boundary--`, optionally followed by
    /// blanks; text before the first delimiter (preamble) and after the closing one (epilogue) is
    /// dropped. Stops after `maxParts + 1` parts, enough for the caller to refuse.
    init(_ body: ArraySlice<UInt8>, boundary: [UInt8], maxParts: Int) {
        parts = []
        closed = false
        let delimiter = [ASCII.hyphen, ASCII.hyphen] + boundary
        var partStart: Int?
        for line in ByteLines(body) {
            guard let isClosing = Self.delimiterKind(body, line: line, delimiter: delimiter) else { continue }
            if let start = partStart {
                parts.append(body[start..<Self.endBeforeLineEnd(body, start: start, end: line.start)])
                if parts.count > maxParts { return }
            }
            if isClosing {
                closed = true
                return
            }
            partStart = line.end
        }
        if let start = partStart { parts.append(body[start..<body.endIndex]) }
    }

    /// Whether a line is a delimiter: nil if not, else whether it is the closing one.
    private static func delimiterKind(_ body: ArraySlice<UInt8>, line: ByteLine, delimiter: [UInt8]) -> Bool? {
        guard line.contentEnd - line.start >= delimiter.count, ASCII.hasPrefix(body, delimiter, at: line.start) else {
            return nil
        }
        var index = line.start + delimiter.count
        let isClosing = ASCII.hasPrefix(body[..<line.contentEnd], [ASCII.hyphen, ASCII.hyphen], at: index)
        if isClosing { index += 2 }
        while index < line.contentEnd {
            guard ASCII.isBlank(body[index]) else { return nil }
            index += 1
        }
        return isClosing
    }

    /// `end` moved before the line end (CRLF or LF) that precedes it, when one is there after `start`.
    private static func endBeforeLineEnd(_ body: ArraySlice<UInt8>, start: Int, end: Int) -> Int {
        var result = end
        if result > start, body[result - 1] == ASCII.lineFeed { result -= 1 }
        if result > start, body[result - 1] == ASCII.carriageReturn { result -= 1 }
        return result
    }
}
