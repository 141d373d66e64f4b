import DSRApp
import DSRCore
import Foundation

/// Personal text typed on the command line or piped in (`-` reads standard input, so no name
/// needs to appear in the process list), checked before it is stored.
enum PersonalText {
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
        return try PersonalTextRules.validated(text, field: field, what: option)
    }

    /// Asks for one field on standard error and reads one line of standard input; an empty
    /// answer skips an optional field.
    static func ask(_ prompt: String, field: PersonalField, required: Bool = false) throws -> String? {
        FileHandle.standardError.write(Data("\(prompt): ".utf8))
        let line = readLine(strippingNewline: true) ?? ""
        if line.trimmedBlanks.isEmpty && !required { return nil }
        return try PersonalTextRules.validated(line, field: field, what: prompt)
    }
}
