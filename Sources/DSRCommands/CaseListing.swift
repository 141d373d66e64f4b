import DSRApp
import DSRCore
import Foundation

/// Lists of cases as `dsr list`, `dsr overdue` and `dsr find` print them: a table, or a
/// JSON array with the same facts.
struct CaseListing {
    let language: Language

    func print(_ entries: [CaseEntry], json: Bool) throws {
        let output: String
        if json {
            try OrderedJSONEncoder.print(entries.map(CaseEntryJSON.init))
            return
        } else if entries.isEmpty {
            output = language.pick("Keine Fälle.\n", "No cases.\n")
        } else {
            output = TextTable.render(
                headers: language == .de
                    ? [
                        "Fall", "Status", "Bürostd.", "intern fällig", "Frist", "Bearbeiter", "Anliegen", "Kanal",
                        "Eingangsbestätigung",
                    ]
                    : [
                        "Case", "Status", "Office h", "Internal due", "Deadline", "Assignee", "Requests", "Channel",
                        "Acknowledgement",
                    ],
                rows: entries.map(row))
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    private func row(_ entry: CaseEntry) -> [String] {
        let summary = entry.summary
        let format = HumanFormat(language: language, zone: entry.engine.zone)
        let active = summary.active
        return [
            summary.id,
            entry.status.label(language),
            active ? format.hours(Double(entry.officeSecondsLeft) / 3600) : "–",
            active ? format.instant(Instant(secondsSinceEpoch: summary.internalDue)) : "–",
            CivilDate(iso: summary.dueDate).map(format.date) ?? summary.dueDate,
            summary.assignee ?? "–",
            summary.requestKinds.map { language.pick($0.germanName, $0.rawValue) }.joined(separator: ", "),
            summary.channel,
            entry.acknowledgement?.shortLabel(language) ?? "–",
        ]
    }
}
