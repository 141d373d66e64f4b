import ArgumentParser
import DSRApp
import DSRCore
import Foundation

/// `dsr show CASE`: the facts of a case, its schedule and its timeline.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a case: facts, schedule, timeline.")

    @Argument(help: ArgumentHelp("The case id.", valueName: "case"))
    var caseID: String

    @Option(name: .long, help: ArgumentHelp("Evaluate the status at this moment (default: now).", valueName: "when"))
    var at: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard CaseID(caseID) != nil else {
            throw ValidationError("'\(caseID)' is not a case id; case ids look like 2026-00042")
        }
    }

    func run() throws {
        let session = try store.session(policy: policy, for: .showCase)
        let now = try session.moment(at)
        let view = CaseView(detail: try session.caseDetail(CaseID(caseID)!, at: now), language: output.lang, at: now)
        if output.json {
            try OrderedJSONEncoder.print(CaseDetailJSON(detail: view.detail))
        } else {
            FileHandle.standardOutput.write(Data(view.text().utf8))
        }
    }
}

/// One case in full, as `dsr show` and `dsr subject export` print it.
struct CaseView {
    /// The case to print, in `language`, as it stands at `now`.
    init(detail: CaseDetail, language: Language, at now: Instant) {
        self.detail = detail
        self.now = now
        output = CaseOutput(language: language, engine: detail.engine)
    }

    let detail: CaseDetail
    let now: Instant
    let output: CaseOutput

    private var state: CaseState { detail.state }
    private var schedule: Schedule { detail.schedule }
    private var events: [EventRecord] { detail.events }
    private var personal: CasePersonalData { detail.personal }
    private var language: Language { output.language }
    private var format: HumanFormat { output.format }
    private var status: CaseStatus { detail.status }

    /// A personal text for people to read: the text, or why it is missing.
    private func readable(_ value: VaultText) -> String {
        value.display(
            erased: language.pick("[gelöscht]", "[purged]"),
            sealed: language.pick("[verschlüsselt; ohne Tresorschlüssel nicht lesbar]", "[sealed; needs the vault key]")
        )
    }

    func text() -> String {
        var rows: [(String, String)] = [
            (language.pick("Fall", "Case"), state.id.rawValue),
            (language.pick("Status", "Status"), status.label(language)),
            (
                language.pick("Anliegen", "Requests"),
                state.kinds.map { kind in
                    let answer =
                        state.answers[kind].map { " → " + language.pick($0.outcome.germanName, $0.outcome.rawValue) }
                        ?? ""
                    return language.pick(kind.germanName, kind.englishName) + " (\(kind.legalSource))" + answer
                }.joined(separator: "; ")
            ),
            (language.pick("Kanal", "Channel"), language.pick(state.channel.germanName, state.channel.rawValue)),
        ]
        for (field, label) in [
            (PersonalField.subject, language.pick("Person", "Subject")),
            (.contact, language.pick("Kontakt", "Contact")), (.reference, language.pick("Referenz", "Reference")),
        ] {
            if let value = personal.current(field) { rows.append((label, readable(value))) }
        }
        rows.append((language.pick("Eingang", "Received"), format.instant(state.receivedAt)))
        if let evidence = detail.receiptEvidence {
            let moments = evidence.candidates.map {
                "\(format.instant($0.at)) \($0.source.rawValue)" + ($0.host.map { " \($0)" } ?? "")
            }
            rows.append(
                (
                    language.pick("Nachweis", "Evidence"),
                    language.pick("Nachricht \(evidence.item), ", "message \(evidence.item), ") + evidence.source
                        + (evidence.doubts.isEmpty ? "" : " [" + evidence.doubts.joined(separator: ", ") + "]")
                        + (evidence.reason.map { " – " + readable($0) } ?? "")
                ))
            rows.append(("SHA-256", evidence.sha256))
            for (index, moment) in moments.enumerated() { rows.append(("  \(index + 1).", moment)) }
        }
        rows.append((language.pick("Frist", "Deadline"), format.date(schedule.deadline)))
        if let extended = schedule.extendedDeadline {
            let state = schedule.extensionState.label(language)
            rows.append(
                (
                    language.pick("Verlängerung bis", "Extension until"),
                    format.date(extended) + (state == "–" ? "" : " (\(state))")
                ))
        }
        rows.append((language.pick("Frist gilt bis", "Due"), format.instant(schedule.dueEnd)))
        rows.append((language.pick("Intern fällig", "Internal due"), format.instant(schedule.internalDue)))
        if schedule.pausedDays > 0 {
            rows.append((language.pick("Gehemmt", "Paused"), "\(schedule.pausedDays) " + language.pick("Tage", "days")))
        }
        if state.isActive {
            rows.append(
                (
                    language.pick("Bürostunden", "Office hours"),
                    format.hours(schedule.officeHoursLeft) + language.pick(" bis intern fällig", " left")
                ))
        }
        if let due = schedule.acknowledgementDue, let acknowledgement = detail.acknowledgement(at: now) {
            rows.append(
                (
                    language.pick("Bestätigung", "Acknowledgement"),
                    acknowledgement.shortLabel(language) + " · " + format.instant(due)
                ))
        }
        if let assignee = state.assignee { rows.append((language.pick("Bearbeiter", "Assignee"), assignee)) }
        for finding in detail.findings { rows.append((language.pick("Achtung", "Warning"), finding.label(language))) }
        let width = rows.map(\.0.count).max() ?? 0
        var text = rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(
            separator: "\n")
        text += "\n\n" + language.pick("Verlauf", "Timeline") + "\n"
        for record in events {
            text +=
                "  \(record.id.rawValue)  \(format.instant(record.occurredAt))  \(record.event.label(language))  [\(record.actor)]\n"
            for (field, value) in personal.fields(of: record.id) where [.note, .reason].contains(field) {
                text +=
                    "      \(field == .note ? language.pick("Notiz", "Note") : language.pick("Gründe", "Reasons")): \(readable(value))\n"
            }
        }
        return text
    }
}
