/// Lenient quoted-printable (RFC 2045 §6.7): `=XX` in either case, soft line breaks (`=` before
/// the line end, blanks between allowed), trailing blanks of lines dropped, and a bad escape kept
/// as it stands.
enum QuotedPrintableDecoder {
    /// Decodes `bytes` into `sink`; line ends pass through as they are (CRLF or LF).
    static func decode(_ bytes: ArraySlice<UInt8>, into sink: inout some ByteSink) {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let byte = bytes[index]
            if byte == ASCII.equals {
                if index + 2 < end, let high = ASCII.hexValue(bytes[index + 1]),
                    let low = ASCII.hexValue(bytes[index + 2])
                {
                    sink.write(high << 4 | low)
                    index += 3
                    continue
                }
                let afterBlanks = skipBlanks(bytes, from: index + 1)
                if let lineEnd = lineEnd(bytes, at: afterBlanks) {
                    index = lineEnd
                    continue
                }
                sink.write(byte)
                index += 1
            } else if ASCII.isBlank(byte) {
                let afterBlanks = skipBlanks(bytes, from: index)
                if afterBlanks < end, lineEnd(bytes, at: afterBlanks) == nil {
                    sink.write(contentsOf: bytes[index..<afterBlanks])
                }
                index = afterBlanks
            } else {
                sink.write(byte)
                index += 1
            }
        }
    }

    /// The first index at or after `start` that is not a blank.
    private static func skipBlanks(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.endIndex, ASCII.isBlank(bytes[index]) { index += 1 }
        return index
    }

    /// Where the line end (CRLF or LF) at `index` ends, or the end of the input when `index` is
    /// there (a soft break at the very end); nil when no line end is at `index`.
    private static func lineEnd(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int? {
        if index >= bytes.endIndex { return bytes.endIndex }
        if bytes[index] == ASCII.lineFeed { return index + 1 }
        if bytes[index] == ASCII.carriageReturn, index + 1 < bytes.endIndex, bytes[index + 1] == ASCII.lineFeed {
            return index + 2
        }
        return nil
    }
}
