import ArgumentParser
import DSRApp
import DSRCore
import Foundation

/// `dsr deadline`: the legal deadline, internal due date and extension end of a request
/// received at a given moment — for one moment, or a stream of them with `--batch`.
struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "Compute the deadline of a request received at a given moment.",
        discussion: """
            WHEN is an ISO 8601 instant with offset (2026-01-31T10:00:00+01:00, ...Z), a local
            time in the policy's zone (2026-01-31 10:00), a local date (2026-01-31), or 'now'.
            With --batch, one WHEN per line is read from FILE (or standard input) and one JSON
            object per line is written; bad lines give {"line": N, "error": "..."} and exit 65
            at the end.
            """)

    @Option(name: .long, help: ArgumentHelp("When the request was received.", valueName: "when"))
    var received: String?

    @Option(name: .long, help: "Request kind, German or English (access, Auskunft, Löschung, …).")
    var kind = "access"

    @Option(name: .long, help: ArgumentHelp("For civil claims: the date the claimant set.", valueName: "date"))
    var due: String?

    @Option(name: .long, help: ArgumentHelp("Evaluate the status at this moment (default: now).", valueName: "when"))
    var at: String?

    @Flag(name: .long, help: "Read one WHEN per line from FILE or standard input; write JSON Lines.")
    var batch = false

    @Argument(help: ArgumentHelp("With --batch: the input file, or - for standard input.", valueName: "file"))
    var file: String?

    @OptionGroup var policyOptions: PolicyOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if batch {
            guard received == nil else {
                throw ValidationError("--batch reads the moments from FILE; do not also give --received")
            }
        } else {
            guard received != nil else { throw ValidationError("give --received WHEN, or --batch [FILE|-]") }
            guard file == nil else { throw ValidationError("a FILE argument is only read with --batch") }
        }
    }

    func run() throws {
        let engine = try policyOptions.engine()
        let now = Instant(Date())
        guard let kind = RequestKind(name: kind) else { throw DSRCoreError.unknownKind(kind) }
        let input = TimeInput(zone: engine.zone)
        let claimantDue = try due.map { try CivilDateInput.parse($0) }
        if engine.policy.deadlineRule(for: kind) == .claimantSet, claimantDue == nil {
            throw CommandFailure(
                message: DSRCoreError.missingClaimantDate(kind).description + " (--due YYYY-MM-DD)",
                exitCode: CommandFailure.badInput)
        }
        if batch {
            let hadErrors = try BatchDeadlines(
                engine: engine, kind: kind, claimantDue: claimantDue, now: now
            ).run(path: file ?? "-")
            if hadErrors { throw ExitCode(CommandFailure.badInput) }
            return
        }
        let facts = DeadlineFacts(
            received: try input.instant(from: received ?? "now", now: now), kind: kind,
            claimantDue: claimantDue)
        let evaluatedAt = try at.map { try input.instant(from: $0, now: now) } ?? now
        let schedule = try engine.schedule(facts, at: evaluatedAt)
        if output.json {
            FileHandle.standardOutput.write(DeadlineJSON.line(schedule, kind: kind, zone: engine.zone).data)
        } else {
            let text = DeadlineReport(
                engine: engine, format: HumanFormat(language: output.lang, zone: engine.zone)
            ).render(schedule, kind: kind)
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
