import DSRCore
import Foundation

/// Personal text typed on the command line or piped in (`-` reads standard input, so no name
/// needs to appear in the process list), checked before it is stored.
enum PersonalText {
    /// The longest text of each field, in bytes.
    static func limit(for field: PersonalField) -> Int {
        switch field {
        case .subject, .reference: 300
        case .contact: 1_000
        case .note, .reason: 64 * 1024
        }
    }

    /// The value of an option: the text itself, or standard input for `-`.
    static func read(_ value: String?, field: PersonalField, option: String) throws -> String? {
        guard let value else { return nil }
        let text: String
        if value == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw DSRCoreError.invalidText("\(option): standard input is not valid UTF-8")
            }
            text = decoded.trimmingCharacters(in: .newlines)
        } else {
            text = value
        }
        return try validated(text, field: field, option: option)
    }

    /// Asks for one field on standard error and reads one line of standard input; an empty
    /// answer skips an optional field.
    static func ask(_ prompt: String, field: PersonalField, required: Bool = false) throws -> String? {
        FileHandle.standardError.write(Data("\(prompt): ".utf8))
        let line = readLine(strippingNewline: true) ?? ""
        if line.trimmedBlanks.isEmpty && !required { return nil }
        return try validated(line, field: field, option: prompt)
    }

    /// The text if it can be stored: not empty, within the field's limit, no NUL or other
    /// control characters (line breaks and tabs are allowed in notes and reasons), no
    /// replacement characters left by invalid UTF-8.
    static func validated(_ text: String, field: PersonalField, option: String) throws -> String {
        let trimmed = text.trimmedBlanks
        guard !trimmed.isEmpty else { throw DSRCoreError.invalidText("\(option) is empty") }
        guard trimmed.utf8.count <= limit(for: field) else {
            throw DSRCoreError.invalidText("\(option) is longer than \(limit(for: field)) bytes")
        }
        let multiline = field == .note || field == .reason || field == .contact
        for scalar in trimmed.unicodeScalars {
            if scalar == "\u{FFFD}" {
                throw DSRCoreError.invalidText("\(option) is not valid UTF-8")
            }
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            if isControl && !(multiline && (scalar == "\n" || scalar == "\t" || scalar == "\r")) {
                throw DSRCoreError.invalidText("\(option) contains a control character (U+\(String(format: "%04X", scalar.value)))")
            }
        }
        return trimmed
    }
}
