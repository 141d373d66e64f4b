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
    func printRecorded(_ change: CaseChange, json: Bool) {
        let schedule = change.schedule
        let findings = change.findings
        if json {
            var writer = JSONWriter()
            writer.beginObject()
            writer.key("id")
            writer.string(change.state.id.rawValue)
            writer.key("event_id")
            writer.integer(Int(change.record.id.rawValue))
            writer.key("event")
            writer.string(change.record.event.kind)
            writer.key("status")
            writer.string(change.status.rawValue)
            scheduleFields(schedule, into: &writer)
            writer.key("warnings")
            writer.beginArray()
            for finding in findings { writer.string(finding.key) }
            writer.endArray()
            writer.endObject()
            writer.newline()
            FileHandle.standardOutput.write(writer.data)
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

    /// The schedule's dates as JSON fields (shared by every case command's JSON).
    func scheduleFields(_ schedule: Schedule, into writer: inout JSONWriter) {
        writer.key("receipt_date")
        writer.date(schedule.receiptDate)
        writer.key("deadline")
        writer.date(schedule.deadline)
        writer.key("extended_deadline")
        if let extended = schedule.extendedDeadline { writer.date(extended) } else { writer.null() }
        writer.key("extension")
        writer.string(schedule.extensionState.rawValue)
        writer.key("due_date")
        writer.date(schedule.dueDate)
        writer.key("deadline_end")
        writer.zoned(schedule.dueEnd, engine.zone)
        writer.key("internal_due")
        writer.zoned(schedule.internalDue, engine.zone)
        writer.key("paused_days")
        writer.integer(schedule.pausedDays)
        writer.key("office_hours_left")
        writer.number((schedule.officeHoursLeft * 10).rounded() / 10)
        writer.key("acknowledgement_due")
        if let due = schedule.acknowledgementDue { writer.zoned(due, engine.zone) } else { writer.null() }
    }
}
