import DSRApp
import DSRCore
import Foundation

/// The policy's recurring duties as `dsr duties` and `dsr overdue` print them: a table, or
/// JSON objects with the same facts.
struct DutyListing {
    let session: Session
    let language: Language

    /// Each duty on each channel at `now`, under the policy in force.
    func statuses(at now: Instant) throws -> [DutyStatus] {
        try session.dutyStatuses(at: now)
    }

    /// The table of `statuses`.
    func table(_ statuses: [DutyStatus]) -> String {
        let format = HumanFormat(language: language, zone: session.tracker.engine.zone)
        return TextTable.render(
            headers: language == .de
                ? ["Pflicht", "Kanal", "Status", "fällig", "zuletzt erledigt"]
                : ["Duty", "Channel", "Status", "Due", "Last done"],
            rows: statuses.map { status in
                [
                    status.duty.id, status.channel,
                    status.isOverdue ? language.pick("überfällig", "overdue") : language.pick("offen", "open"),
                    format.date(status.nextDue), status.lastDone.map { format.instant($0.at) } ?? "–",
                ]
            })
    }

    /// `statuses` as a JSON array.
    func write(_ statuses: [DutyStatus], into writer: inout JSONWriter) {
        let zone = session.tracker.engine.zone
        writer.beginArray()
        for status in statuses {
            writer.beginObject()
            writer.key("duty")
            writer.string(status.duty.id)
            writer.key("name")
            writer.string(status.duty.name)
            writer.key("channel")
            writer.string(status.channel)
            writer.key("next_due")
            writer.date(status.nextDue)
            writer.key("overdue")
            writer.bool(status.isOverdue)
            writer.key("last_done")
            if let last = status.lastDone { writer.zoned(last.at, zone) } else { writer.null() }
            writer.key("link")
            if let link = status.lastDone?.link { writer.string(link) } else { writer.null() }
            writer.endObject()
        }
        writer.endArray()
    }
}
