import ArgumentParser
import DSRCore
import DSRStore
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
        let context = try CaseContext(store: store, policy: policy, requiring: .clerk, to: "listing overdue cases")
        let now = try context.moment(at)
        let anyOverdue = try OverdueView(context: context, language: output.lang).print(at: now, json: output.json)
        if anyOverdue { throw ExitCode(1) }
    }
}

/// The overdue view, shared by `dsr overdue` and `dsr demo`.
struct OverdueView {
    let context: CaseContext
    let language: Language

    /// Prints the open cases, overdue first, then at risk, then by internal due, and the
    /// overdue duties; returns whether anything is overdue. The JSON stays the array of
    /// cases that scripts already read (`dsr duties --json` has the duties).
    func print(at now: Instant, json: Bool) throws -> Bool {
        let listing = CaseListing(context: context, language: language)
        let entries = try listing.entries(try context.store.activeCases().filter(context.access.maySee), at: now)
        func rank(_ status: CaseStatus) -> Int {
            switch status {
            case .overdue: 0
            case .atRisk: 1
            default: 2
            }
        }
        // The projection comes ordered by internal due; the offset keeps that order within a rank.
        let sorted = entries.enumerated()
            .sorted { (rank($0.element.status), $0.offset) < (rank($1.element.status), $1.offset) }
            .map(\.element)
        let duties = DutyListing(context: context, language: language)
        let overdueDuties = try duties.statuses(at: now).filter(\.isOverdue)
        listing.print(sorted, json: json)
        if !json, !overdueDuties.isEmpty {
            let heading = language.pick("\nÜberfällige Pflichten\n", "\nOverdue duties\n")
            FileHandle.standardOutput.write(Data((heading + duties.table(overdueDuties)).utf8))
        }
        return sorted.contains { $0.status == .overdue } || !overdueDuties.isEmpty
    }
}
