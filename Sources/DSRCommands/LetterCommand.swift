import ArgumentParser
import DSRApp
import DSRCore
import DSRReports
import Foundation

/// `dsr letter CASE --template NAME`: fills a letter template with the case's facts and the
/// engine's dates, records that the letter was produced (template, format, route, SHA-256)
/// and prints it; `dsr letter --list` names the templates.
struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter", abstract: "Write a letter to the person from a template, and record it.",
        discussion: """
            The letter follows the case's reply route (dsr reply-route), else the channel the \
            request came through; --channel overrides. A reply through a social network is a \
            plain-text message without address data that offers e-mail and post instead. \
            Placeholders (fill.KEY) must be given with --fill KEY=TEXT or --fill-file FILE \
            ([KEY] lines, each followed by its text); the letter is refused while one is empty.
            """)

    /// How the letter is written: plain text (e-mail, post) or one HTML file.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, html
    }

    @Argument(help: ArgumentHelp("The case id (2026-00042).", valueName: "case"))
    var caseID: String?

    @Flag(name: .long, help: "List the letter templates and their languages.")
    var list = false

    @Option(name: .long, help: ArgumentHelp("The letter template (dsr letter --list).", valueName: "name"))
    var template: String?

    @Option(name: .long, help: "text or html.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Send by this channel instead of the reply route.", valueName: "channel"))
    var channel: String?

    @Option(
        name: .long, help: ArgumentHelp("Write the letter to this file instead of standard output.", valueName: "file"))
    var out: String?

    @Option(name: .customLong("fill"), help: ArgumentHelp("A placeholder's text (repeatable).", valueName: "key=text"))
    var fills: [String] = []

    @Option(
        name: .customLong("fill-file"),
        help: ArgumentHelp("Placeholder texts: [KEY] lines, each followed by its text.", valueName: "file"))
    var fillFile: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Reasons for an extension (default: those recorded with dsr extend).", valueName: "text"))
    var reason: String?

    @Option(name: .long, help: ArgumentHelp("Date of the letter (default: now).", valueName: "when"))
    var at: String?

    @Option(name: .long, help: "Language of the letter: de or en.")
    var lang: Language = .de

    @OptionGroup var templates: TemplateOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions

    func validate() throws {
        guard !list else { return }
        guard let caseID, CaseID(caseID) != nil else {
            throw ValidationError("give a case id (case ids look like 2026-00042), or --list")
        }
        guard template != nil else { throw ValidationError("give --template NAME (dsr letter --list names them)") }
    }

    func run() throws {
        let letters = try templates.load(besidePolicy: policy.policy)
        if list {
            let lines = letters.letters.map { "\($0.name) (\($0.languages.joined(separator: ", ")))\n" }
            FileHandle.standardOutput.write(Data(lines.joined().utf8))
            return
        }
        let session = try store.session(policy: policy, for: .produceLetter)
        let route = try channel.map { name in
            guard let channel = Channel(name: name) else { throw DSRCoreError.unknownChannel(name) }
            return channel
        }
        let request = LetterRequest(
            caseID: CaseID(caseID!)!, template: template!, html: format == .html, route: route, language: lang,
            fills: try LetterFills.read(options: fills, file: fillFile),
            reasons: try PersonalText.read(reason, field: .reason, option: "--reason"),
            at: try at.map { try session.instant($0) })
        // A letter whose record fails is not left behind half-done.
        var written: String?
        let text: String
        do {
            text = try session.produceLetter(request, templates: letters) { text in
                guard let out else { return }
                let file = try PrivateFile.open(out)
                written = out
                file.write(Data(text.utf8))
                try file.close()
            }
        } catch {
            if let written { try? FileManager.default.removeItem(atPath: written) }
            throw error
        }
        if out == nil { FileHandle.standardOutput.write(Data(text.utf8)) }
    }
}
