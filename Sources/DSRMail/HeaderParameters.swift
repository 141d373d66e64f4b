/// A header value with parameters (`Content-Type`, `Content-Disposition`; RFC 2045 §5.1,
/// RFC 2183): its leading token and its parameters, read leniently.
///
/// Parameter values may be tokens or quoted strings; RFC 2231 forms (`name*=utf-8''%C3%A4`,
/// continuations `name*0*=`, `name*1=`) are joined and decoded and win over a plain parameter
/// of the same name; a plain value has encoded words (`filename="=?utf-8?B?…?="`, not standard
/// but common) and raw 8-bit bytes decoded.
struct HeaderParameters {
    /// The leading token, lowercased, comments and blanks removed (`multipart/mixed`, `attachment`).
    var value: String
    /// The parameters by lowercase name, decoded.
    var parameters: [String: String]

    /// One RFC 2231 section of a parameter: its bytes and whether they are percent-encoded.
    private struct Section {
        var bytes: [UInt8]
        var encoded: Bool
    }

    /// Reads a header value's token and parameters.
    init(_ bytes: [UInt8], flags: inout Set<MailFlag>) {
        let raw = bytes[...]
        var index = raw.startIndex
        while index < raw.endIndex, raw[index] != ASCII.semicolon { index += 1 }
        value = ASCII.string(HeaderComments.removed(from: raw[raw.startIndex..<index])).trimmingASCIIBlanks()
            .lowercased()
        var plain: [String: [UInt8]] = [:]
        var sections: [String: [Int: Section]] = [:]
        while index < raw.endIndex {
            index += 1  // the `;`
            guard let (name, parameterValue, next) = Self.parameter(in: raw, from: index) else { break }
            index = next
            Self.file(name: name, value: parameterValue, plain: &plain, sections: &sections)
        }
        var decoded: [String: String] = [:]
        for (name, bytes) in plain {
            decoded[name] = EncodedWords.decode(bytes[...], flags: &flags).trimmingASCIIBlanks()
        }
        for (name, parts) in sections {
            decoded[name] = Self.joined(parts, flags: &flags)
        }
        parameters = decoded
    }

    /// The parameter from `start` (after a `;`): its lowercase name, its value bytes (quotes and
    /// escapes removed) and the index of the next `;` (or the end); nil when nothing is left.
    private static func parameter(
        in raw: ArraySlice<UInt8>, from start: Int
    ) -> (String, [UInt8], Int)? {
        var index = start
        while index < raw.endIndex, ASCII.isWhitespace(raw[index]) { index += 1 }
        guard index < raw.endIndex else { return nil }
        let nameStart = index
        while index < raw.endIndex, raw[index] != ASCII.equals, raw[index] != ASCII.semicolon { index += 1 }
        let name = ASCII.string(raw[nameStart..<index]).trimmingASCIIBlanks().lowercased()
        guard index < raw.endIndex, raw[index] == ASCII.equals else { return (name, [], index) }
        index += 1
        while index < raw.endIndex, ASCII.isWhitespace(raw[index]) { index += 1 }
        var value: [UInt8] = []
        if index < raw.endIndex, raw[index] == ASCII.quote {
            index += 1
            while index < raw.endIndex, raw[index] != ASCII.quote {
                if raw[index] == ASCII.backslash, index + 1 < raw.endIndex { index += 1 }
                value.append(raw[index])
                index += 1
            }
        } else {
            let valueStart = index
            while index < raw.endIndex, raw[index] != ASCII.semicolon { index += 1 }
            value = Array(raw[valueStart..<index])
            while let last = value.last, ASCII.isWhitespace(last) { value.removeLast() }
        }
        while index < raw.endIndex, raw[index] != ASCII.semicolon { index += 1 }
        return (name, value, index)
    }

    /// Files a parameter as plain or as an RFC 2231 section (`name*`, `name*N`, `name*N*`).
    private static func file(
        name: String, value: [UInt8], plain: inout [String: [UInt8]], sections: inout [String: [Int: Section]]
    ) {
        guard !name.isEmpty else { return }
        guard let star = name.firstIndex(of: "*") else {
            if plain[name] == nil { plain[name] = value }
            return
        }
        let base = String(name[..<star])
        let rest = name[name.index(after: star)...]
        let encoded = rest.isEmpty || rest.hasSuffix("*")
        let number = rest.isEmpty ? 0 : Int(rest.hasSuffix("*") ? rest.dropLast() : rest)
        guard let number, (0..<1000).contains(number), sections[base]?[number] == nil else { return }
        sections[base, default: [:]][number] = Section(bytes: value, encoded: encoded)
    }

    /// The value of RFC 2231 sections: from 0 up to the first gap, percent-decoded where
    /// encoded, in the charset the first encoded section names before its `'language'`.
    private static func joined(_ parts: [Int: Section], flags: inout Set<MailFlag>) -> String {
        var bytes: [UInt8] = []
        var charset: String?
        var number = 0
        while let section = parts[number] {
            var content = section.bytes[...]
            if number == 0, section.encoded {
                let quotes = content.indices.filter { content[$0] == ASCII.apostrophe }.prefix(2)
                if quotes.count == 2, let first = quotes.first, let second = quotes.last {
                    let label = ASCII.string(content[content.startIndex..<first])
                    charset = label.isEmpty ? nil : label
                    content = content[(second + 1)...]
                }
            }
            if section.encoded {
                appendPercentDecoded(content, to: &bytes)
            } else {
                bytes.append(contentsOf: content)
            }
            number += 1
        }
        let decoded = TextDecoder.decode(bytes, label: charset)
        if decoded.fellBack { flags.insert(.charsetFallback) }
        return decoded.text.trimmingASCIIBlanks()
    }

    /// Appends bytes with `%XX` decoded; a bad escape stays as it is.
    private static func appendPercentDecoded(_ content: ArraySlice<UInt8>, to bytes: inout [UInt8]) {
        var index = content.startIndex
        while index < content.endIndex {
            if content[index] == ASCII.percent, index + 2 < content.endIndex,
                let high = ASCII.hexValue(content[index + 1]), let low = ASCII.hexValue(content[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(content[index])
                index += 1
            }
        }
    }
}
