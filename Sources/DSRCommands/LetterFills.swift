import DSRApp
import DSRCore
import Foundation

/// The clerk's placeholder texts: `--fill KEY=TEXT` (repeatable) and `--fill-file FILE`, in
/// which a line `[KEY]` starts a placeholder and the lines after it are its text.
enum LetterFills {
    /// The placeholders from the file, then from the options (an option overrides the file).
    static func read(options: [String], file: String?) throws -> [String: String] {
        var fills: [String: String] = [:]
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure(message: "\(file): cannot read", exitCode: CommandFailure.ioError)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw DSRCoreError.invalidText("--fill-file is not valid UTF-8")
            }
            var key: String?
            var lines: [Substring] = []
            func finish() throws {
                guard let key else { return }
                fills[key] = try validated(
                    lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines), key: key)
            }
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("["), trimmed.hasSuffix("]"), trimmed.count > 2 {
                    try finish()
                    key = try checkedKey(String(trimmed.dropFirst().dropLast()))
                    lines = []
                } else if key != nil {
                    lines.append(line)
                } else if !trimmed.isEmpty {
                    throw DSRCoreError.invalidText("--fill-file: text before the first [KEY] line")
                }
            }
            try finish()
        }
        for option in options {
            guard let equals = option.firstIndex(of: "=") else {
                throw DSRCoreError.invalidText("--fill takes KEY=TEXT")
            }
            let key = try checkedKey(String(option[..<equals]))
            fills[key] = try validated(String(option[option.index(after: equals)...]), key: key)
        }
        return fills
    }

    /// A placeholder key: lower-case letters, digits and `_`.
    private static func checkedKey(_ key: String) throws -> String {
        guard key.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil else {
            throw DSRCoreError.invalidText("placeholder keys are lower-case letters, digits and _ (fill.KEY)")
        }
        return key
    }

    /// The text of a placeholder, checked as a note is (it may name the person).
    private static func validated(_ text: String, key: String) throws -> String {
        try PersonalTextRules.validated(text, field: .note, what: "--fill \(key)")
    }
}
