import DSRCore
import DSRLedger
import Foundation
import GRDB

extension CaseStore {
    /// Corrects a person's name or contact (Art. 16 GDPR) in one transaction: records a
    /// `rectified` event carrying the new values and the commitments (HMACs) of the values it
    /// replaces, then erases every earlier text of those fields in the case, with its key. The
    /// old values are gone; the chain still verifies, because commitments stay. A case the actor
    /// may not see (`visibility`) is refused inside the transaction.
    public func rectify(
        _ caseID: CaseID, values: [PersonalField: String], at occurredAt: Instant, actor: String, now: Instant,
        visibility: CaseVisibility = .every, engine provider: EngineProvider
    ) throws -> Recorded {
        try onCase(caseID, visibility: visibility, now: now, engine: provider) { session, events, state, engine in
            let db = session.db
            var replaces: [PersonalField: String] = [:]
            for field in values.keys {
                // The value in force is the latest event's that still holds this field.
                let holders = try Int64.fetchSet(
                    db,
                    sql: """
                        SELECT vault.eventId FROM vault JOIN event ON event.id = vault.eventId
                        WHERE event.caseId = ? AND vault.field = ? AND vault.content IS NOT NULL
                        """, arguments: [caseID.rawValue, field.rawValue])
                if let current = events.last(where: { holders.contains($0.id.rawValue) }) {
                    replaces[field] = current.commitments[field]
                }
            }
            let record = try session.record(
                .rectified(replaces: replaces), on: &state, personal: values, at: occurredAt, actor: actor,
                recordedAt: now, policy: engine.policy)
            for field in values.keys {
                try db.execute(
                    sql: """
                        UPDATE vault SET key = NULL, content = NULL, sealed = 0
                        WHERE field = ? AND content IS NOT NULL AND eventId < ?
                          AND eventId IN (SELECT id FROM event WHERE caseId = ?)
                        """, arguments: [field.rawValue, record.id.rawValue, caseID.rawValue])
            }
            logger.info(
                "rectified personal data",
                metadata: [
                    "case": "\(caseID)", "fields": "\(values.keys.sorted().map(\.rawValue))",
                ])
            return record
        }
    }
}
