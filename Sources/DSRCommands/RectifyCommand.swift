import ArgumentParser
import DSRCore

/// `dsr subject rectify CASE --name/--contact`: corrects what the tracker holds about a person
/// (Art. 16 GDPR applied to the tracker itself).
struct RectifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rectify",
        abstract: "Correct a person's name or contact in a case (Art. 16 GDPR for the tracker itself).",
        discussion: """
            The new value is recorded as an event; the old value is erased, and only its HMAC \
            commitment stays in the log. Show, find and exports take the new value.
            """)

    @OptionGroup var step: StepOptions

    @Option(name: .long, help: ArgumentHelp("The corrected name (- reads standard input).", valueName: "name"))
    var name: String?

    @Option(name: .long, help: ArgumentHelp("The corrected contact (- reads standard input).", valueName: "text"))
    var contact: String?

    func validate() throws {
        guard name != nil || contact != nil else { throw ValidationError("give --name, --contact or both") }
        guard !(name == "-" && contact == "-") else {
            throw ValidationError("only one of --name and --contact can read standard input")
        }
    }

    func run() throws {
        var values: [PersonalField: String] = [:]
        values[.subject] = try PersonalText.read(name, field: .subject, option: "--name")
        values[.contact] = try PersonalText.read(contact, field: .contact, option: "--contact")
        try step.rectify(values)
    }
}
