import ArgumentParser
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
            guard received == nil else { throw ValidationError("--batch reads the moments from FILE; do not also give --received") }
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
            throw DSRCoreError.missingClaimantDate(kind)
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
            var json = JSONWriter()
            json.beginObject()
            json.scheduleFields(schedule, zone: engine.zone)
            json.key("kind")
            json.string(kind.rawValue)
            json.key("status")
            json.string(schedule.status.rawValue)
            json.key("office_hours_left")
            json.number((schedule.officeHoursLeft * 10).rounded() / 10)
            json.endObject()
            json.newline()
            FileHandle.standardOutput.write(json.data)
        } else {
            let text = DeadlineReport(
                engine: engine, format: HumanFormat(language: output.lang, zone: engine.zone)
            ).render(schedule, kind: kind)
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// Reads a calendar date typed as `YYYY-MM-DD` or German `TT.MM.JJJJ`.
enum CivilDateInput {
    static func parse(_ text: String) throws -> CivilDate {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let german = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        let iso = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        let parts: [Int]
        if german.count == 3, german[2].count == 4 {
            parts = [german[2], german[1], german[0]].compactMap { Int($0) }
        } else if iso.count == 3, iso[0].count == 4 {
            parts = iso.compactMap { Int($0) }
        } else {
            parts = []
        }
        guard parts.count == 3 else {
            throw DSRCoreError.invalidTime("not a date: use YYYY-MM-DD or TT.MM.JJJJ")
        }
        guard let date = CivilDate(year: parts[0], month: parts[1], day: parts[2]) else {
            throw DSRCoreError.invalidTime("invalid date: \(parts[0])-\(parts[1])-\(parts[2]) does not exist")
        }
        return date
    }
}
