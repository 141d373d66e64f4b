import ArgumentParser
import DSRApp
import DSRCore
import Foundation

/// `dsr duties [--at WHEN]`: each recurring duty of the policy on each of its channels, with
/// its next due date and whether it is overdue.
struct DutiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duties", abstract: "Show the policy's recurring duties: next due date, overdue or not.")

    @Option(name: .long, help: ArgumentHelp("Evaluate at this moment (default: now).", valueName: "when"))
    var at: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let session = try store.session(policy: policy, for: .listDuties)
        let listing = DutyListing(session: session, language: output.lang)
        let statuses = try listing.statuses(at: try session.moment(at))
        if output.json {
            try OrderedJSONEncoder.print(listing.json(statuses))
        } else if statuses.isEmpty {
            FileHandle.standardOutput.write(
                Data(output.lang.pick("Die Policy nennt keine Pflichten.\n", "The policy names no duties.\n").utf8))
        } else {
            FileHandle.standardOutput.write(Data(listing.table(statuses).utf8))
        }
    }
}
