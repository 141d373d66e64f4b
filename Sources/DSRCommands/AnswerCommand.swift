import ArgumentParser
import DSRApp
import DSRCore

/// `dsr answer CASE --kind K --outcome O [--basis TEXT]`: one request was answered.
struct AnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer", abstract: "Record the answer to one request of a case.")

    @OptionGroup var step: StepOptions

    @Option(name: .long, help: "The request answered (access, Auskunft, Löschung, …).")
    var kind: String

    @Option(name: .long, help: "granted, partial, refused or no-data.")
    var outcome: String

    @Option(
        name: .long,
        help: ArgumentHelp("Legal basis of a (partial) refusal, e.g. \"§ 12 LDSG RLP\".", valueName: "text"))
    var basis: String?

    func run() throws {
        guard let requestKind = RequestKind(name: kind) else { throw DSRCoreError.unknownKind(kind) }
        guard let outcomeValue = Outcome(rawValue: outcome.lowercased()) else {
            throw DSRCoreError.stepRefused(
                "unknown outcome; valid: " + Outcome.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let basisText = try basis.map { try PersonalTextRules.validated($0, field: .reference, what: "--basis") }
        try step.record { _ in .answer(kind: requestKind, outcome: outcomeValue, basis: basisText) }
    }
}
