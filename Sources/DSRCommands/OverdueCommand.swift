import ArgumentParser
import DSRApp
import DSRCore
import Foundation

/// `dsr overdue [--at WHEN]`: the supervisor's morning view — every case that still owes an
/// answer, overdue and at-risk first, then by internal due, and the policy's overdue duties.
/// Exit 1 when anything is overdue.
struct OverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue", abstract: "Show open cases, overdue and at risk first (exit 1 if any is overdue).")

    @Option(name: .long, help: ArgumentHelp("Evaluate at this moment (default: now).", valueName: "when"))
    var at: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let session = try store.session(policy: policy, for: .listOverdue)
        let now = try session.moment(at)
        let anyOverdue = try OverdueView(session: session, language: output.lang).print(at: now, json: output.json)
        if anyOverdue { throw ExitCode(1) }
    }
}

/// The overdue view, shared by `dsr overdue` and `dsr demo`.
struct OverdueView {
    let session: Session
    let language: Language

    /// Prints the open cases, overdue first, then at risk, then by internal due, and the
    /// overdue duties; returns whether anything is overdue. The JSON stays the array of
    /// cases that scripts already read (`dsr duties --json` has the duties).
    func print(at now: Instant, json: Bool) throws -> Bool {
        let sorted = try session.overdueCases(at: now)
        let duties = DutyListing(session: session, language: language)
        let overdueDuties = try duties.statuses(at: now).filter(\.isOverdue)
        try CaseListing(language: language).print(sorted, json: json)
        if !json, !overdueDuties.isEmpty {
            let heading = language.pick("\nÜberfällige Pflichten\n", "\nOverdue duties\n")
            FileHandle.standardOutput.write(Data((heading + duties.table(overdueDuties)).utf8))
        }
        return sorted.contains { $0.status == .overdue } || !overdueDuties.isEmpty
    }
}
