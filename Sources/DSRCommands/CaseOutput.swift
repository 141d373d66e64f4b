import DSRCore
import DSRStore
import Foundation

/// How case commands print: what was recorded and where the case stands, in German or
/// English, or as JSON.
struct CaseOutput {
    let language: Language
    let engine: DeadlineEngine

    var format: HumanFormat { HumanFormat(language: language, zone: engine.zone) }

    /// After a write: the case id, the event, the deadline and internal due, and any flag of
    /// non-compliance.
    func printRecorded(_ recorded: Recorded, json: Bool) {
        let schedule = recorded.schedule
        let status = CaseStatus(lifecycle: recorded.state.lifecycle, schedule: schedule.status)
        let warnings = self.warnings(schedule, state: recorded.state)
        if json {
            var writer = JSONWriter()
            writer.beginObject()
            writer.key("id")
            writer.string(recorded.state.id.rawValue)
            writer.key("event_id")
            writer.integer(Int(recorded.record.id.rawValue))
            writer.key("event")
            writer.string(recorded.record.event.kind)
            writer.key("status")
            writer.string(status.rawValue)
            scheduleFields(schedule, into: &writer)
            writer.key("warnings")
            writer.beginArray()
            for warning in warnings { writer.string(warning.key) }
            writer.endArray()
            writer.endObject()
            writer.newline()
            FileHandle.standardOutput.write(writer.data)
            return
        }
        var lines: [String] = []
        lines.append(language.pick("Fall ", "Case ") + recorded.state.id.rawValue + ": " + eventName(recorded.record.event)
            + " (" + format.instant(recorded.record.occurredAt) + ")")
        lines.append(language.pick("Status: ", "Status: ") + statusName(status)
            + " · " + language.pick("Frist ", "deadline ") + format.date(schedule.dueDate)
            + " · " + language.pick("intern fällig ", "internal due ") + format.instant(schedule.internalDue))
        if let extended = schedule.extendedDeadline, schedule.extensionState != .inEffect, recorded.state.isActive {
            lines.append(language.pick("Verlängerung möglich bis ", "Extension possible until ") + format.date(extended))
        }
        for warning in warnings { lines.append(language.pick("Achtung: ", "Warning: ") + warning.text(language)) }
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
    }

    /// Flags of non-compliance that the record keeps (the record must be true).
    struct Warning {
        let key: String
        let german: String
        let english: String
        func text(_ language: Language) -> String { language.pick(german, english) }
    }

    func warnings(_ schedule: Schedule, state: CaseState) -> [Warning] {
        var result: [Warning] = []
        for kind in state.refusalsWithoutBasis {
            result.append(Warning(
                key: "refusal-without-basis",
                german: "\(kind.germanName) abgelehnt ohne Rechtsgrundlage (Art. 12 Abs. 4 DSGVO verlangt Gründe)",
                english: "\(kind.englishName) refused without a legal basis (Art. 12(4) GDPR requires reasons)"))
        }
        switch schedule.extensionState {
        case .notifiedLate:
            result.append(Warning(
                key: "extension-notified-late",
                german: "Verlängerung nach Ablauf der Monatsfrist mitgeteilt – nicht wirksam (Art. 12 Abs. 3 DSGVO)",
                english: "extension notified after the one-month deadline – not effective (Art. 12(3) GDPR)"))
        case .withoutReasons:
            result.append(Warning(
                key: "extension-without-reasons", german: "Verlängerung ohne Gründe – nicht wirksam",
                english: "extension without reasons – not effective"))
        default: break
        }
        if schedule.status == .answeredLate {
            result.append(Warning(
                key: "answered-late", german: "nach Fristablauf beantwortet", english: "answered after the deadline"))
        }
        if schedule.status == .overdue {
            result.append(Warning(key: "overdue", german: "Frist überschritten", english: "deadline passed"))
        }
        return result
    }

    func statusName(_ status: CaseStatus) -> String {
        language.pick(status.germanName, status.englishName)
    }

    func eventName(_ event: Event) -> String {
        switch event {
        case .received: return language.pick("erfasst", "logged")
        case .acknowledged: return language.pick("Eingang bestätigt", "receipt acknowledged")
        case .identityRequested: return language.pick("Identitätsnachweis angefordert (Frist gehemmt)", "identity proof requested (clock stopped)")
        case .identityConfirmed: return language.pick("Identität bestätigt", "identity confirmed")
        case .clarificationRequested: return language.pick("Rückfrage gestellt (Frist gehemmt)", "clarification requested (clock stopped)")
        case .clarificationReceived: return language.pick("Präzisierung erhalten", "clarification received")
        case .extended: return language.pick("Frist verlängert", "deadline extended")
        case .forwarded(let to): return language.pick("weitergeleitet an \(to)", "forwarded to \(to)")
        case .recipientsNotified: return language.pick("Empfänger unterrichtet (Art. 19 DSGVO)", "recipients notified (Art. 19 GDPR)")
        case .answered(let kind, let outcome, _):
            return language.pick(
                "\(kind.germanName) beantwortet: \(outcome.germanName)", "\(kind.englishName) answered: \(outcome.rawValue)")
        case .withdrawn: return language.pick("zurückgezogen", "withdrawn")
        case .assigned(let to): return language.pick("zugewiesen an \(to)", "assigned to \(to)")
        case .noteAdded: return language.pick("Notiz", "note")
        case .rectified(let replaces):
            let fields = replaces.keys.sorted().map(\.rawValue).joined(separator: ", ")
            return language.pick("berichtigt (Art. 16 DSGVO)", "rectified (Art. 16 GDPR)") + (fields.isEmpty ? "" : ": \(fields)")
        case .letterProduced(let template, let format, let route, _):
            return language.pick("Brief erstellt: \(template) (\(format), \(route.germanName))", "letter produced: \(template) (\(format), \(route.rawValue))")
        case .replyRouteSet(let via):
            return language.pick("Antwortweg: \(via.germanName)", "reply route: \(via.rawValue)")
        case .closed: return language.pick("abgeschlossen", "closed")
        case .reopened: return language.pick("wiedereröffnet", "reopened")
        case .purged(let records): return language.pick("Personendaten gelöscht (\(records) Einträge, Aufbewahrungsfrist abgelaufen)", "personal data erased (\(records) records, retention period over)")
        case .backedUp: return language.pick("Sicherung erstellt", "backup made")
        case .exported(let format, _, _): return language.pick("Export mit Personendaten (\(format))", "export with personal data (\(format))")
        case .dutyDone(let duty, let channel, _): return language.pick("Pflicht erledigt: \(duty) (\(channel))", "duty done: \(duty) (\(channel))")
        }
    }
}
