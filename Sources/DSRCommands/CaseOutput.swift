import DSRApp
import DSRCore
import Foundation

/// How case commands print: what was recorded and where the case stands, in German or
/// English, or as JSON.
struct CaseOutput {
    let language: Language
    let engine: DeadlineEngine

    var format: HumanFormat { HumanFormat(language: language, zone: engine.zone) }

    /// After a write: the case id, the event, the deadline and internal due, and any flag of
    /// non-compliance.
    func printRecorded(_ change: CaseChange, json: Bool) throws {
        let schedule = change.schedule
        let findings = change.findings
        if json {
            try OrderedJSONEncoder.print(RecordedJSON(change: change))
            return
        }
        var lines: [String] = []
        lines.append(
            language.pick("Fall ", "Case ") + change.state.id.rawValue + ": " + change.record.event.label(language)
                + " (" + format.instant(change.record.occurredAt) + ")")
        lines.append(
            language.pick("Status: ", "Status: ") + change.status.label(language)
                + " · " + language.pick("Frist ", "deadline ") + format.date(schedule.dueDate)
                + " · " + language.pick("intern fällig ", "internal due ") + format.instant(schedule.internalDue))
        if let extended = schedule.extendedDeadline, schedule.extensionState != .inEffect, change.state.isActive {
            lines.append(
                language.pick("Verlängerung möglich bis ", "Extension possible until ") + format.date(extended))
        }
        if let due = schedule.acknowledgementDue {
            lines.append(
                language.pick("Eingangsbestätigung fällig bis ", "Acknowledgement due by ") + format.instant(due))
        }
        for finding in findings { lines.append(language.pick("Achtung: ", "Warning: ") + finding.label(language)) }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
