import DSRXML
import Foundation
import Mustache

/// How a letter goes out, and so which layout wraps it.
public enum LetterVariant: String, Sendable, CaseIterable {
    /// E-mail or post, plain text.
    case text
    /// A printable letter, one self-contained HTML5 file.
    case html
    /// A message through a social network's message function: plain text, no address data,
    /// and the offer of e-mail and post instead (the city's social-media concept).
    case social
}

/// The letter templates in force: `Policies/templates/` as embedded in the binary, or a
/// folder the city keeps beside its policy.
///
/// `<letter>.<lang>.mustache` holds one letter in one language: its first line is the
/// subject, then paragraphs separated by blank lines (a paragraph whose first line starts
/// with `- ` is a list). `layout.<lang>.<variant>.mustache` wraps a letter for one way of
/// sending it (`LetterVariant`), with the letterhead, salutation, closing and contacts.
public struct LetterTemplates: Sendable {
    /// Put before file names in messages: `embedded:templates/` or the folder's path.
    public let origin: String
    /// The text of each file, by file name.
    public let files: [String: String]

    /// The templates embedded from `Policies/templates/`.
    public static func embedded() -> LetterTemplates {
        LetterTemplates(origin: "embedded:templates/", files: PolicyLoader.embeddedTemplates())
    }

    /// The `*.mustache` files of a folder.
    public static func folder(_ path: String) throws -> LetterTemplates {
        let url = URL(fileURLWithPath: path, isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            throw ReportError.cannotRead(path)
        }
        var files: [String: String] = [:]
        for name in names where name.hasSuffix(".mustache") {
            let file = url.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file.path),
                let text = String(data: data, encoding: .utf8)
            else { throw ReportError.cannotRead(file.path) }
            files[name] = text
        }
        return LetterTemplates(origin: url.path + "/", files: files)
    }

    /// The name parts of a file: a letter (`ablehnung`, `de`, nil) or a layout (`layout`,
    /// `de`, variant); nil for a name that follows neither pattern.
    static func parts(of file: String) -> (letter: String, language: String, variant: LetterVariant?)? {
        let parts = file.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.last == "mustache", parts.count == 3 || parts.count == 4,
            parts[0].range(of: "^[a-z][a-z0-9-]*$", options: .regularExpression) != nil,
            parts[1].range(of: "^[a-z]{2}$", options: .regularExpression) != nil
        else { return nil }
        if parts.count == 3 { return parts[0] == "layout" ? nil : (parts[0], parts[1], nil) }
        guard parts[0] == "layout", let variant = LetterVariant(rawValue: parts[2]) else { return nil }
        return (parts[0], parts[1], variant)
    }

    /// The letters there are, by name, each with the languages it is written in.
    public var letters: [(name: String, languages: [String])] {
        var languages: [String: [String]] = [:]
        for file in files.keys {
            guard let parts = Self.parts(of: file), parts.variant == nil else { continue }
            languages[parts.letter, default: []].append(parts.language)
        }
        return languages.keys.sorted().map { ($0, languages[$0]!.sorted()) }
    }

    /// The clerk's placeholders of a letter in a language (`gruende` for `{{fill.gruende}}`),
    /// in the order the template uses them.
    public func placeholders(of letter: String, language: String) throws -> [String] {
        placeholders(in: try letterFile(letter, language: language))
    }

    /// The file of a letter in a language.
    func letterFile(_ letter: String, language: String) throws -> String {
        let file = "\(letter).\(language).mustache"
        guard files[file] != nil else {
            let known = letters.filter { $0.languages.contains(language) }.map(\.name).joined(separator: ", ")
            throw ReportError.letterRefused(
                "no letter template '\(letter)' in language '\(language)' (known: \(known.isEmpty ? "none" : known))")
        }
        return file
    }

    /// The file of a layout.
    static func layoutFile(language: String, variant: LetterVariant) -> String {
        "layout.\(language).\(variant.rawValue).mustache"
    }

    /// Compiles a file; plain text unless it is an HTML layout or the letter is rendered for
    /// HTML (then every variable is HTML-escaped). A syntax error names the file and line.
    func compile(_ file: String, html: Bool) throws -> MustacheTemplate {
        guard let text = files[file] else {
            throw ReportError.template(file: origin + file, line: 1, message: "missing")
        }
        do {
            // The pragma goes on the first line, so line numbers stay those of the file.
            return try MustacheTemplate(string: (html ? "" : "{{% CONTENT_TYPE: TEXT}}") + text)
        } catch let error as MustacheTemplate.ParserError {
            throw ReportError.template(
                file: origin + file, line: error.context.lineNumber, message: "template syntax error: \(error.error)")
        }
    }
}
