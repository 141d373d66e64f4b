import DSRCore

/// What personal text the tracker accepts (names, contacts, references, notes, reasons):
/// trimmed, not empty, within a size limit, no control characters but line breaks and tabs
/// in free text. Messages name the field (`what`), never the text.
public enum PersonalTextRules {
    /// The largest text, in UTF-8 bytes, a field takes.
    public static func limit(for field: PersonalField) -> Int {
        switch field {
        case .subject, .reference: 300
        case .contact: 1_000
        case .note, .reason: 64 * 1024
        case .message: 32 * 1024 * 1024  // the read form of a message of at most 25 MiB
        }
    }

    /// The text trimmed of blanks, or a refusal that names `what` was wrong with it.
    public static func validated(_ text: String, field: PersonalField, what: String) throws -> String {
        let trimmed = text.trimmedBlanks
        guard !trimmed.isEmpty else { throw AppError(.badInput, "\(what) is empty") }
        guard trimmed.utf8.count <= limit(for: field) else {
            throw AppError(.badInput, "\(what) is longer than \(limit(for: field)) bytes")
        }
        let multiline = field == .note || field == .reason || field == .contact || field == .message
        for scalar in trimmed.unicodeScalars {
            if scalar == "\u{FFFD}" { throw AppError(.badInput, "\(what) is not valid UTF-8") }
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            if isControl && !(multiline && (scalar == "\n" || scalar == "\t" || scalar == "\r")) {
                let code = String(scalar.value, radix: 16, uppercase: true)
                throw AppError(
                    .badInput,
                    "\(what) contains a control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code))"
                )
            }
        }
        return trimmed
    }
}

extension PersonalTextRules {
    /// A text read from a message made acceptable for a field: control characters the field
    /// does not take become blanks, and it is cut (at a character) to the field's limit; nil
    /// if nothing is left.
    public static func fitted(_ text: String, field: PersonalField) -> String? {
        let multiline = field == .note || field == .reason || field == .contact || field == .message
        var result = ""
        var bytes = 0
        for character in text {
            let cleaned: Character =
                character.unicodeScalars.contains {
                    let isControl = $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{FFFD}"
                    return isControl && !(multiline && ($0 == "\n" || $0 == "\t" || $0 == "\r"))
                } ? " " : character
            bytes += cleaned.utf8.count
            guard bytes <= limit(for: field) else { break }
            result.append(cleaned)
        }
        let trimmed = result.trimmedBlanks
        return trimmed.isEmpty ? nil : trimmed
    }
}
