import ArgumentParser
import DSRApp
import DSRCore

/// `dsr extend CASE --reason TEXT [--notified WHEN]`: the person was told the deadline is
/// extended by up to two months (Art. 12(3)). Recorded also when late, but then flagged.
struct ExtendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend", abstract: "Record that the deadline was extended, with reasons.")

    @OptionGroup var step: StepOptions

    @Option(
        name: .long, help: ArgumentHelp("The reasons given to the person (- reads standard input).", valueName: "text"))
    var reason: String

    @Option(name: .long, help: ArgumentHelp("When the person was told (default: --at).", valueName: "when"))
    var notified: String?

    func run() throws {
        let reasonText = try PersonalText.read(reason, field: .reason, option: "--reason")!
        try step.record { session in
            .extend(reason: reasonText, notifiedAt: try notified.map { try session.instant($0) })
        }
    }
}
