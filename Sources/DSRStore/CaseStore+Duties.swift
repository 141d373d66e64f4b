import DSRCore
import DSRLedger
import Foundation
import GRDB

extension CaseStore {
    /// Records, as an event of the tracker itself, that a duty was done on a channel.
    public func recordDutyDone(
        duty: String, channel: String, link: String?, at: Instant, actor: String, now: Instant
    ) throws {
        try recordTrackerEvent(.dutyDone(duty: duty, channel: channel, link: link), at: at, actor: actor, now: now)
    }

    /// Appends an event of the tracker itself (filed under `CaseID.tracker`) in a
    /// transaction of its own.
    func recordTrackerEvent(_ event: Event, at: Instant, actor: String, now: Instant) throws {
        _ = try writeBatch { batch, _ in try batch.appendTrackerEvent(event, at: at, actor: actor, now: now) }
    }

    /// Where each of `duties` stands on each of its channels at `now`, from the completions
    /// recorded (what `dsr duties`, `dsr overdue` and the HTML report show).
    public func dutyStatuses(_ duties: [Duty], at now: Instant, zone: ZoneRules) throws -> [DutyStatus] {
        DutyStatus.all(duties, completions: try dutyCompletions(), at: now, zone: zone)
    }

    /// Every duty done, as recorded.
    func dutyCompletions() throws -> [DutyCompletion] {
        try pool.read { db in
            try EventRow.filter(
                EventRow.Columns.caseId == CaseID.tracker.rawValue && EventRow.Columns.kind == "duty-done"
            )
            .order(EventRow.Columns.id).fetchAll(db)
            .compactMap { row in
                let record = try row.record()
                guard case .dutyDone(let duty, let channel, let link) = record.event else { return nil }
                return DutyCompletion(duty: duty, channel: channel, at: record.occurredAt, link: link)
            }
        }
    }
}
