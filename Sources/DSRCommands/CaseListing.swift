import DSRApp
import DSRCore
import Foundation

/// Lists of cases as `dsr list`, `dsr overdue` and `dsr find` print them: a table, or a
/// JSON array with the same facts.
struct CaseListing {
    let language: Language

    func print(_ entries: [CaseEntry], json: Bool) {
        let output: String
        if json {
            var writer = JSONWriter()
            writer.beginArray()
            for entry in entries { write(entry, into: &writer) }
            writer.endArray()
            writer.newline()
            output = writer.text
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

    private func write(_ entry: CaseEntry, into writer: inout JSONWriter) {
        let summary = entry.summary
        let zone = entry.engine.zone
        writer.beginObject()
        writer.key("id")
        writer.string(summary.id)
        writer.key("status")
        writer.string(entry.status.rawValue)
        writer.key("kinds")
        writer.beginArray()
        for kind in summary.requestKinds { writer.string(kind.rawValue) }
        writer.endArray()
        writer.key("channel")
        writer.string(summary.channel)
        writer.key("received")
        writer.zoned(Instant(secondsSinceEpoch: summary.receivedAt), zone)
        writer.key("deadline")
        writer.string(summary.deadline)
        writer.key("extended_deadline")
        if let extended = summary.extendedDeadline { writer.string(extended) } else { writer.null() }
        writer.key("due_date")
        writer.string(summary.dueDate)
        writer.key("internal_due")
        writer.zoned(Instant(secondsSinceEpoch: summary.internalDue), zone)
        writer.key("office_hours_left")
        writer.number((Double(entry.officeSecondsLeft) / 360).rounded() / 10)
        writer.key("assignee")
        if let assignee = summary.assignee { writer.string(assignee) } else { writer.null() }
        writer.key("acknowledgement_due")
        if let due = entry.acknowledgementDue { writer.zoned(due, zone) } else { writer.null() }
        writer.endObject()
    }
}
