import ArgumentParser
import DSRApp
import DSRCore
import DSRLedger
import Foundation

/// `dsr summary [--mail]`: the supervisor's morning summary — what is overdue, at risk or
/// still owes an acknowledgement of receipt, and how many messages wait in the inbox — as
/// case ids, dates and assignees only, never a name. Printed, and with `--mail` sent through
/// the system's `sendmail` (Postfix, Exim or msmtp provide it).
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: "The morning summary: overdue, at risk, acknowledgements owed (no names).",
        discussion: """
            With --mail the summary is also sent by /usr/sbin/sendmail ($DSR_SENDMAIL) to the addresses of --to, \
            else $DSR_SUMMARY_TO (comma-separated; the server's /etc/dsr/dsr.conf sets it), from \
            $DSR_SUMMARY_FROM (default dsr@ the host name). Exit 74 if sendmail fails.
            """)

    @Flag(name: .long, help: "Also send it by mail (sendmail).")
    var mail = false

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Recipients (default: $DSR_SUMMARY_TO).", valueName: "address"))
    var to: [String] = []

    @Option(name: .long, help: ArgumentHelp("The moment of the summary (default: now).", valueName: "when"))
    var at: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @Option(name: .long, help: "Language of the summary: de or en.")
    var lang: Language = .de

    func validate() throws {
        guard mail || to.isEmpty else { throw ValidationError("--to goes with --mail") }
        for address in recipients where !MailAddressCheck.isPlain(address) {
            throw ValidationError("'\(address.prefix(80))' is not a plain e-mail address")
        }
        if mail, recipients.isEmpty {
            throw ValidationError("--mail needs --to ADDRESS or DSR_SUMMARY_TO in /etc/dsr/dsr.conf")
        }
    }

    /// The recipients in force.
    private var recipients: [String] {
        !to.isEmpty
            ? to
            : (Setting.value("DSR_SUMMARY_TO") ?? "").split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            .filter { !$0.isEmpty }
    }

    func run() throws {
        let session = try store.session(policy: policy, for: .listOverdue)
        let moment = try session.moment(at)
        let summary = MorningSummary(
            entries: try session.overdueCases(at: moment), newMessages: try session.inboxCounts()[.new] ?? 0,
            format: HumanFormat(language: lang, zone: session.tracker.engine.zone))
        FileHandle.standardOutput.write(Data(summary.text.utf8))
        guard mail else { return }
        let host = ProcessInfo.processInfo.hostName
        try Sendmail.send(
            from: Setting.value("DSR_SUMMARY_FROM") ?? "dsr@\(host)", to: recipients,
            subject: summary.subject + " – " + session.tracker.engine.policy.controller.unit, body: summary.text,
            at: moment)
    }
}

/// The text of the morning summary: counts in the subject, one line a case.
struct MorningSummary {
    let entries: [CaseEntry]
    let newMessages: Int
    let format: HumanFormat

    private var language: Language { format.language }
    private var overdue: [CaseEntry] { entries.filter { $0.status == .overdue } }
    private var atRisk: [CaseEntry] { entries.filter { $0.status == .atRisk } }
    private var acknowledgementOwed: [CaseEntry] { entries.filter { $0.acknowledgementDue != nil } }

    /// `dsr: 2 überfällig, 1 gefährdet, 3 Eingangsbestätigungen offen`.
    var subject: String {
        "dsr: "
            + language.pick(
                "\(overdue.count) überfällig, \(atRisk.count) gefährdet, \(acknowledgementOwed.count) Eingangsbestätigungen offen",
                "\(overdue.count) overdue, \(atRisk.count) at risk, \(acknowledgementOwed.count) acknowledgements owed")
    }

    var text: String {
        var text = subject + "\n"
        text += section(language.pick("Überfällig", "Overdue"), overdue) {
            language.pick("Frist ", "deadline ")
                + (CivilDate(iso: $0.summary.dueDate).map(format.date) ?? $0.summary.dueDate)
        }
        text += section(language.pick("Gefährdet", "At risk"), atRisk) {
            language.pick("intern fällig ", "internal due ")
                + format.instant(Instant(secondsSinceEpoch: $0.summary.internalDue))
        }
        text += section(language.pick("Eingangsbestätigung offen", "Acknowledgement owed"), acknowledgementOwed) {
            ($0.acknowledgement?.shortLabel(language) ?? "") + " " + ($0.acknowledgementDue.map(format.instant) ?? "")
        }
        if newMessages > 0 {
            text +=
                "\n" + language.pick("Neue Nachrichten im Eingang: ", "New messages in the inbox: ")
                + "\(newMessages)\n"
        }
        return text
    }

    /// A heading and one line a case: id, the date that matters, assignee.
    private func section(_ title: String, _ cases: [CaseEntry], _ when: (CaseEntry) -> String) -> String {
        guard !cases.isEmpty else { return "" }
        let nobody = language.pick("niemand", "nobody")
        return "\n\(title) (\(cases.count))\n"
            + cases.map { "  \($0.summary.id)  \(when($0))  \($0.summary.assignee ?? nobody)\n" }.joined()
    }
}
