import DSRCore
import Foundation
import GRDB

/// The result of walking the hash chain.
public struct VerificationReport: Sendable, Equatable {
    /// The first thing found wrong.
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// The event's stored content no longer matches its hash.
        case changed(event: Int64, caseID: String)
        /// Events are missing before this one.
        case removed(before: Int64, missingFrom: Int64)
        /// The event does not link to the one before it: inserted, or put in another's place.
        case inserted(event: Int64)
        /// Events after the last one present were removed (the chain head names a later one).
        case truncated(lastPresent: Int64, head: Int64)
        /// Personal data no longer matches the commitment its event holds.
        case personalDataChanged(event: Int64, field: String)

        public var description: String {
            switch self {
            case .changed(let event, let caseID): "event \(event) (case \(caseID)) was changed: its content no longer matches its hash"
            case .removed(let before, let from): "event(s) \(from)–\(before - 1) were removed: event \(before) follows event \(from - 1)"
            case .inserted(let event): "event \(event) was inserted: it is not part of the chain"
            case .truncated(let last, let head): "events after \(last) were removed: the chain head names event \(head)"
            case .personalDataChanged(let event, let field): "the \(field) of event \(event) was changed in the vault: it no longer matches its commitment"
            }
        }
    }

    /// Events checked.
    public var events: Int
    /// The hash of the last event (hex), or of nothing.
    public var head: String
    /// Vault records whose personal data was purged (their commitments remain).
    public var purgedRecords: Int
    public var problem: Problem?

    public var isIntact: Bool { problem == nil }
}

extension CaseStore {
    /// Walks the whole chain in order: every event's hash is recomputed from its stored
    /// columns and its link to the one before is checked; then every vault record still
    /// holding personal data is checked against its event's commitment.
    public func verify() throws -> VerificationReport {
        try queue.read { db in
            var canonical = JSONWriter(capacity: 1024)
            var previousHash = Chain.genesis
            var expectedID: Int64 = 1
            var count = 0
            let head = try ChainHeadRow.fetchOne(db)
            let headID = head?.lastEventId ?? 0
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT id, caseId, kind, payload, occurredAt, recordedAt, actor, prevHash, hash
                FROM event ORDER BY id
                """)
            while let row = try cursor.next() {
                let id: Int64 = row[0]
                let caseID: String = row[1]
                let prevHash: Data = row[7]
                let storedHash: Data = row[8]
                canonical.reset()
                EventCodec.canonical(
                    id: id, caseID: caseID, kind: row[2], occurredAt: row[4], recordedAt: row[5],
                    actor: row[6], payload: row[3], into: &canonical)
                let hash = Chain.hash(previous: prevHash, canonical: canonical.buffer)
                var problem: VerificationReport.Problem?
                if id > headID {
                    problem = .inserted(event: id)
                } else if hash != storedHash {
                    problem = .changed(event: id, caseID: caseID)
                } else if id > expectedID {
                    problem = .removed(before: id, missingFrom: expectedID)
                } else if prevHash != previousHash {
                    problem = .inserted(event: id)
                }
                if let problem {
                    return VerificationReport(events: count, head: previousHash.hexString, purgedRecords: 0, problem: problem)
                }
                previousHash = storedHash
                expectedID = id + 1
                count += 1
            }
            if let head, head.lastEventId != expectedID - 1 || head.hash != previousHash {
                let problem: VerificationReport.Problem =
                    head.lastEventId > expectedID - 1
                    ? .truncated(lastPresent: expectedID - 1, head: head.lastEventId)
                    : .inserted(event: expectedID - 1)
                return VerificationReport(events: count, head: previousHash.hexString, purgedRecords: 0, problem: problem)
            }
            let (purged, vaultProblem) = try verifyVault(db)
            return VerificationReport(
                events: count, head: previousHash.hexString, purgedRecords: purged, problem: vaultProblem)
        }
    }

    /// Checks each vault record against the commitment in its event's payload.
    private func verifyVault(_ db: Database) throws -> (purged: Int, problem: VerificationReport.Problem?) {
        var purged = 0
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT vault.eventId, vault.field, vault.key, vault.content, event.kind, event.payload
            FROM vault JOIN event ON event.id = vault.eventId ORDER BY vault.eventId
            """)
        while let row = try cursor.next() {
            let eventID: Int64 = row[0]
            let field: String = row[1]
            guard let key: Data = row[2], let content: Data = row[3] else {
                purged += 1
                continue
            }
            let commitments = (try? EventCodec.decode(kind: row[4], payload: row[5]))?.1 ?? [:]
            guard let fieldKey = PersonalField(rawValue: field), let commitment = commitments[fieldKey],
                Chain.commitment(to: content, key: key) == commitment
            else { return (purged, .personalDataChanged(event: eventID, field: field)) }
        }
        return (purged, nil)
    }
}
