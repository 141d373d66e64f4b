/// Header text with RFC 2047 encoded words (`=?charset?B|Q?text?=`) decoded, and raw 8-bit
/// bytes (RFC 6532) read as UTF-8, else Windows-1252.
///
/// Whitespace between adjacent encoded words is dropped, and adjacent words in the same charset
/// are joined as bytes before decoding, so a character split across two words still decodes.
/// Encoded words are found wherever they stand (also inside quoted strings and glued to other
/// text), as mail programs read them.
enum EncodedWords {
    /// A stretch of a header value: bytes as they stand, or the bytes of an encoded word.
    private enum Segment {
        case raw(ArraySlice<UInt8>)
        case word(charset: String, bytes: [UInt8])
    }

    /// The decoded text of header bytes; a fallback to Windows-1252 adds `.charsetFallback`.
    static func decode(_ bytes: ArraySlice<UInt8>, flags: inout Set<MailFlag>) -> String {
        var text = ""
        for segment in merged(segments(of: bytes)) {
            let decoded: DecodedText
            switch segment {
            case .raw(let raw): decoded = TextDecoder.unlabelled(raw)
            case .word(let charset, let wordBytes): decoded = TextDecoder.decode(wordBytes, label: charset)
            }
            if decoded.fellBack { flags.insert(.charsetFallback) }
            text += decoded.text
        }
        return text
    }

    /// The value cut into raw stretches and encoded words, in order.
    private static func segments(of bytes: ArraySlice<UInt8>) -> [Segment] {
        var segments: [Segment] = []
        var rawStart = bytes.startIndex
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == ASCII.equals, bytes[index + 1] == ASCII.question,
                let (word, end) = encodedWord(in: bytes, at: index)
            {
                if rawStart < index { segments.append(.raw(bytes[rawStart..<index])) }
                segments.append(word)
                index = end
                rawStart = end
            } else {
                index += 1
            }
        }
        if rawStart < bytes.endIndex { segments.append(.raw(bytes[rawStart..<bytes.endIndex])) }
        return segments
    }

    /// The segments with blank stretches between two encoded words dropped and adjacent words of
    /// one charset joined.
    private static func merged(_ segments: [Segment]) -> [Segment] {
        var result: [Segment] = []
        for (position, segment) in segments.enumerated() {
            switch segment {
            case .raw(let raw):
                let betweenWords =
                    raw.allSatisfy(ASCII.isWhitespace) && isWord(result.last)
                    && position + 1 < segments.count && isWord(segments[position + 1])
                if !betweenWords { result.append(segment) }
            case .word(let charset, let bytes):
                if case .word(let previousCharset, let previousBytes) = result.last,
                    previousCharset.lowercased() == charset.lowercased()
                {
                    result[result.count - 1] = .word(charset: charset, bytes: previousBytes + bytes)
                } else {
                    result.append(segment)
                }
            }
        }
        return result
    }

    /// Whether a segment is an encoded word.
    private static func isWord(_ segment: Segment?) -> Bool {
        if case .word = segment { return true }
        return false
    }

    /// The encoded word starting at `start` (at its `=?`) and the index after its `?=`, or nil
    /// when none is there. Each part ends at the next `?`, so a failed try looks at few bytes.
    private static func encodedWord(in bytes: ArraySlice<UInt8>, at start: Int) -> (Segment, Int)? {
        let charsetStart = start + 2
        guard let charsetEnd = nextQuestionMark(in: bytes, from: charsetStart, limit: 64),
            charsetEnd > charsetStart, charsetEnd + 2 < bytes.endIndex, bytes[charsetEnd + 2] == ASCII.question
        else { return nil }
        let encoding = ASCII.lowercased(bytes[charsetEnd + 1])
        let textStart = charsetEnd + 3
        guard let textEnd = nextQuestionMark(in: bytes, from: textStart, limit: Int.max),
            textEnd + 1 < bytes.endIndex, bytes[textEnd + 1] == ASCII.equals
        else { return nil }
        let text = bytes[textStart..<textEnd]
        var decoded: [UInt8] = []
        switch encoding {
        case UInt8(ascii: "b"): Base64Decoder.decode(text, into: &decoded)
        case UInt8(ascii: "q"): decodeQ(text, into: &decoded)
        default: return nil
        }
        // RFC 2231 §5: a language may follow the charset after `*`.
        let label = ASCII.string(bytes[charsetStart..<charsetEnd]).split(separator: "*").first.map(String.init) ?? ""
        return (.word(charset: label, bytes: decoded), textEnd + 2)
    }

    /// The index of the next `?` from `start`, or nil if whitespace, the end or `limit` bytes
    /// come first.
    private static func nextQuestionMark(in bytes: ArraySlice<UInt8>, from start: Int, limit: Int) -> Int? {
        var index = start
        while index < bytes.endIndex, index - start < limit {
            let byte = bytes[index]
            if byte == ASCII.question { return index }
            if ASCII.isWhitespace(byte) { return nil }
            index += 1
        }
        return nil
    }

    /// The "Q" encoding (RFC 2047 §4.2): `_` is a space, `=XX` a byte, a bad escape stays.
    private static func decodeQ(_ text: ArraySlice<UInt8>, into output: inout [UInt8]) {
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == ASCII.equals, index + 2 < text.endIndex, let high = ASCII.hexValue(text[index + 1]),
                let low = ASCII.hexValue(text[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            output.append(byte == ASCII.underscore ? ASCII.space : byte)
            index += 1
        }
    }
}
