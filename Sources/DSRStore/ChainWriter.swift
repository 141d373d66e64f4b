import DSRCore
import Foundation
import GRDB

/// Appends events to the log inside one write transaction: assigns the next id, commits to
/// the personal data in the vault, links the hash chain, and moves the chain head. Keeps the
/// head in memory, so a bulk import appends many events with one head read and one write.
final class ChainWriter {
    private let db: Database
    private var lastEventID: Int64
    private var lastHash: Data
    private var canonical = JSONWriter(capacity: 1024)

    /// Reads the chain head; must be created inside a write transaction.
    init(_ db: Database) throws {
        self.db = db
        if let head = try ChainHeadRow.fetchOne(db) {
            lastEventID = head.lastEventId
            lastHash = head.hash
        } else {
            lastEventID = 0
            lastHash = Chain.genesis
        }
    }

    /// Appends one event with its personal data; returns the recorded event.
    func append(
        _ event: Event, to caseID: CaseID, personal: [PersonalField: String],
        occurredAt: Instant, recordedAt: Instant, actor: String
    ) throws -> EventRecord {
        let id = lastEventID + 1
        var commitments: [PersonalField: String] = [:]
        var vaultRows: [VaultRow] = []
        for (field, text) in personal {
            let (key, commitment) = Chain.commit(text)
            commitments[field] = commitment
            vaultRows.append(VaultRow(eventId: id, field: field.rawValue, key: key, content: Data(text.utf8)))
        }
        let payload = EventCodec.payload(event, commitments: commitments)
        canonical.reset()
        EventCodec.canonical(
            id: id, caseID: caseID.rawValue, kind: event.kind, occurredAt: occurredAt.secondsSinceEpoch,
            recordedAt: recordedAt.secondsSinceEpoch, actor: actor, payload: payload, into: &canonical)
        let hash = Chain.hash(previous: lastHash, canonical: canonical.buffer)
        try EventRow(
            id: id, caseId: caseID.rawValue, kind: event.kind, payload: payload,
            occurredAt: occurredAt.secondsSinceEpoch, recordedAt: recordedAt.secondsSinceEpoch,
            actor: actor, prevHash: lastHash, hash: hash
        ).insert(db)
        for row in vaultRows { try row.insert(db) }
        lastEventID = id
        lastHash = hash
        return EventRecord(
            id: EventID(id), caseID: caseID, event: event, commitments: commitments,
            occurredAt: occurredAt, recordedAt: recordedAt, actor: actor)
    }

    /// Writes the new chain head. Call once before the transaction commits.
    func finish() throws {
        try ChainHeadRow(lastEventId: lastEventID, hash: lastHash).save(db)
    }
}
