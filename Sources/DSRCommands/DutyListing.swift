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

    /// The statuses as `dsr duties --json` prints them.
    func json(_ statuses: [DutyStatus]) -> [DutyJSON] {
        let zone = session.tracker.engine.zone
        return statuses.map { status in
            DutyJSON(
                duty: status.duty.id, name: status.duty.name, channel: status.channel,
                nextDue: ISOFormat.date(status.nextDue), overdue: status.isOverdue,
                lastDone: status.lastDone.map { ISOFormat.zoned($0.at, zone: zone) }, link: status.lastDone?.link)
        }
    }
}

/// One duty on one channel, as `dsr duties --json` prints it.
struct DutyJSON: Encodable {
    let duty: String
    let name: String
    let channel: String
    let nextDue: String
    let overdue: Bool
    let lastDone: String?
    let link: String?

    enum CodingKeys: String, CodingKey {
        case duty, name, channel
        case nextDue = "next_due"
        case overdue
        case lastDone = "last_done"
        case link
    }
}
