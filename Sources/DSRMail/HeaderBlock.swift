/// One header field as read: its name and its value with the folding removed, still bytes.
struct RawHeaderField {
    /// The name as written.
    var name: String
    /// The value after the colon, folded lines joined (their line ends removed, blanks kept).
    var value: [UInt8]

    /// Whether the field has a name, compared case-insensitively with a lowercase one.
    func isNamed(_ lowercaseName: String) -> Bool { name.lowercased() == lowercaseName }
}

/// The header block of a message or MIME part (RFC 5322 §2.2), and where its body starts.
struct HeaderBlock {
    /// The fields in order.
    var fields: [RawHeaderField]
    /// The index of the body's first byte (the end when there is none).
    var bodyStart: Int
    /// Whether the block ended at a line that is no header field instead of at an empty line or
    /// the end: broken structure, flagged `.malformed`.
    var endedAtNonField: Bool

    /// Reads the header block at the start of `bytes`. A line of blanks continues the field above;
    /// a line that is neither a field nor a continuation ends the block (and starts the body).
    /// Throws when an unfolded field is longer than `maxLine` bytes, or there are more than
    /// `maxFields` fields.
    init(_ bytes: ArraySlice<UInt8>, maxLine: Int, maxFields: Int) throws(MailRefusal) {
        fields = []
        bodyStart = bytes.endIndex
        endedAtNonField = false
        var current: RawHeaderField?
        for line in ByteLines(bytes) {
            if line.isEmpty {
                bodyStart = line.end
                break
            }
            if ASCII.isBlank(bytes[line.start]), current != nil {
                current?.value.append(contentsOf: bytes[line.content])
            } else if let colon = Self.fieldColon(bytes, line: line) {
                if let finished = current { fields.append(finished) }
                guard fields.count < maxFields else { throw .tooManyFields(maxFields) }
                let name = ASCII.string(bytes[line.start..<colon]).trimmingASCIIBlanks()
                current = RawHeaderField(name: name, value: Array(bytes[(colon + 1)..<line.contentEnd]))
            } else {
                bodyStart = line.start
                endedAtNonField = true
                break
            }
            if let field = current, field.name.utf8.count + 1 + field.value.count > maxLine {
                throw .headerLineTooLong(maxLine)
            }
        }
        if let finished = current { fields.append(finished) }
    }

    /// Whether `bytes` begin with a header field line (and so may be a message at all).
    static func startsWithField(_ bytes: ArraySlice<UInt8>) -> Bool {
        var lines = ByteLines(bytes)
        guard let first = lines.next() else { return false }
        return fieldColon(bytes, line: first) != nil
    }

    /// The colon of a header field line: a name of ASCII letters, digits, `-`, `_` and `.`, then
    /// blanks (obsolete syntax) and `:`. Nil when the line is no field.
    private static func fieldColon(_ bytes: ArraySlice<UInt8>, line: ByteLine) -> Int? {
        var index = line.start
        while index < line.contentEnd, isNameByte(bytes[index]) { index += 1 }
        guard index > line.start else { return nil }
        while index < line.contentEnd, ASCII.isBlank(bytes[index]) { index += 1 }
        guard index < line.contentEnd, bytes[index] == ASCII.colon else { return nil }
        return index
    }

    /// Whether a byte may stand in a header field name as mail programs write them.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        ASCII.isAlphanumeric(byte) || byte == ASCII.hyphen || byte == ASCII.underscore || byte == UInt8(ascii: ".")
    }

    /// The first field of a name (lowercase), if any.
    func first(_ lowercaseName: String) -> RawHeaderField? { fields.first { $0.isNamed(lowercaseName) } }
}
