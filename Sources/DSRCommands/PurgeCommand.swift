import ArgumentParser
import DSRApp
import DSRCore
import Foundation

/// `dsr purge [--dry-run] [--at WHEN]`: erases the personal data of closed cases whose
/// retention period has run out (policy; default 3 years from the end of the closing year).
struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Erase the personal data of closed cases whose retention period has run out.",
        discussion: """
            Names, contacts and free text go, with their vault keys; kinds, channels, dates, \
            outcomes and legal bases stay for statistics. Each purge is an event in the log, and \
            dsr verify still passes. Open cases are never purged. Inbox items that were made a \
            case or dismissed lose their message after the policy's inbox retention (P30D); new \
            items are never purged.
            """)

    @Flag(name: .customLong("dry-run"), help: "List what would be erased; change nothing.")
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp("Judge retention at this moment (default: now).", valueName: "when"))
    var at: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let session = try store.session(policy: policy, for: .purge)
        let moment = try session.moment(at)
        let candidates = try session.purge(at: moment, dryRun: dryRun)
        let inbox = try session.purgeInbox(at: moment, dryRun: dryRun)
        if output.json {
            try OrderedJSONEncoder.print(
                PurgeJSON(
                    dryRun: dryRun,
                    cases: candidates.map {
                        .init(id: $0.caseID.rawValue, retainedUntil: $0.retainedUntil.description, records: $0.records)
                    }, inbox: .init(items: inbox.items, records: inbox.records)))
            return
        }
        let lang = output.lang
        let records = candidates.reduce(0) { $0 + $1.records }
        var text =
            dryRun
            ? lang.pick(
                "Würde löschen: \(candidates.count) Fälle, \(records) Einträge mit Personendaten\n",
                "Would erase: \(candidates.count) cases, \(records) personal-data records\n")
            : lang.pick(
                "Gelöscht: \(candidates.count) Fälle, \(records) Einträge mit Personendaten\n",
                "Erased: \(candidates.count) cases, \(records) personal-data records\n")
        for candidate in candidates {
            text +=
                "  \(candidate.caseID)  " + lang.pick("aufbewahrt bis ", "retained until ")
                + "\(candidate.retainedUntil)  \(candidate.records)\n"
        }
        if inbox.items > 0 {
            text += lang.pick(
                "Posteingang: \(inbox.items) erledigte Nachrichten, \(inbox.records) Einträge mit Personendaten\n",
                "Inbox: \(inbox.items) settled messages, \(inbox.records) personal-data records\n")
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// `dsr purge --json`: what was (or would be) erased.
private struct PurgeJSON: Encodable {
    struct Case: Encodable {
        let id: String
        let retainedUntil: String
        let records: Int

        enum CodingKeys: String, CodingKey {
            case id
            case retainedUntil = "retained_until"
            case records
        }
    }

    struct Inbox: Encodable {
        let items: Int
        let records: Int
    }

    let dryRun: Bool
    let cases: [Case]
    let inbox: Inbox

    enum CodingKeys: String, CodingKey {
        case dryRun = "dry_run"
        case cases
        case inbox
    }
}
