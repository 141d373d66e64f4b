import ArgumentParser
import DSRApp
import DSRCore

/// `dsr assign CASE --to USER`: the case is given to a member of staff.
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Assign a case to a member of staff.")

    @OptionGroup var step: StepOptions

    @Option(name: .long, help: ArgumentHelp("Login name of the member of staff.", valueName: "user"))
    var to: String

    func validate() throws {
        do { try LoginName.check(to) } catch {
            throw ValidationError("--to takes a login name (letters, digits, . _ -)")
        }
    }

    func run() throws { try step.record { _ in .assign(to: to) } }
}

/// `dsr forward CASE --to meta`: forwarded to a joint controller (LEGAL.md R5).
struct ForwardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forward", abstract: "Record that the request was forwarded to a joint controller.")

    @OptionGroup var step: StepOptions

    @Option(name: .long, help: ArgumentHelp("The joint controller's id in the policy (meta).", valueName: "id"))
    var to: String

    func run() throws { try step.record { _ in .forward(to: to) } }
}

/// `dsr note CASE TEXT` (or `--text TEXT`): a note on the case, kept in the vault.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to a case.")

    @OptionGroup var step: StepOptions

    @Argument(help: ArgumentHelp("The note (- reads standard input).", valueName: "text"))
    var note: String?

    @Option(name: .long, help: ArgumentHelp("The note, as an option (- reads standard input).", valueName: "text"))
    var text: String?

    func validate() throws {
        guard (note == nil) != (text == nil) else { throw ValidationError("give the note once: as TEXT or --text") }
    }

    func run() throws {
        let noteText = try PersonalText.read(note ?? text, field: .note, option: "note")!
        try step.record { _ in .note(noteText) }
    }
}
