import ArgumentParser
import DSRApp
import DSRCore
import Foundation

/// `dsr list`: cases by status, kind, channel, assignee and time of receipt.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List cases.")

    @Option(name: .long, help: "Only cases with this status.")
    var status: CaseStatus?

    @Option(name: .long, help: "Request kind (German or English).")
    var kind: String?

    @Option(name: .long, help: "Channel.")
    var channel: String?

    @Option(name: .long, help: "Login name of the assignee.")
    var assignee: String?

    @Option(
        name: .customLong("received-from"),
        help: ArgumentHelp("Received at or after (date or WHEN).", valueName: "when"))
    var receivedFrom: String?

    @Option(
        name: .customLong("received-to"),
        help: ArgumentHelp("Received before the end of this day (date) or this moment.", valueName: "when"))
    var receivedTo: String?

    @Option(name: .long, help: "Show at most N cases.")
    var limit: Int?

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
    }

    func run() throws {
        let session = try store.session(policy: policy, for: .listCases)
        var query = CaseQuery()
        if let kind {
            guard let value = RequestKind(name: kind) else { throw DSRCoreError.unknownKind(kind) }
            query.kind = value
        }
        if let channel {
            guard let value = Channel(name: channel) else { throw DSRCoreError.unknownChannel(channel) }
            query.channel = value
        }
        query.assignee = assignee
        query.receivedFrom = try receivedFrom.map { try session.instant($0) }
        query.receivedTo = try receivedTo.map { text in
            // A bare date includes its whole day.
            let isDate = CivilDate(iso: text) != nil
            return try session.instant(text).adding(seconds: isDate ? 86_400 : 0)
        }
        query.status = status
        query.limit = limit
        try CaseListing(language: output.lang).print(try session.listCases(query), json: output.json)
    }
}

extension CaseStatus: ExpressibleByArgument {}
