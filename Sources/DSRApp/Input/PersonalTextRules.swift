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
        }
    }

    /// The text trimmed of blanks, or a refusal that names `what` was wrong with it.
    public static func validated(_ text: String, field: PersonalField, what: String) throws -> String {
        let trimmed = text.trimmedBlanks
        guard !trimmed.isEmpty else { throw AppError(.badInput, "\(what) is empty") }
        guard trimmed.utf8.count <= limit(for: field) else {
            throw AppError(.badInput, "\(what) is longer than \(limit(for: field)) bytes")
        }
        let multiline = field == .note || field == .reason || field == .contact
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
