import DSRCore
import Foundation
import GRDB
import Logging

/// Appends events to the log inside one write transaction: assigns the next id, commits to
/// the personal data in the vault, links the hash chain, and moves the chain head. Keeps the
/// head in memory, so a bulk import appends many events with one head read and one write.
final class ChainWriter {
    private let db: Database
    private let vault: Vault
    private let logger: Logger
    private var lastEventID: Int64
    private var lastHash: Data
    private var canonical = JSONWriter(capacity: 1024)

    /// Reads the chain head; must be created inside a write transaction. Personal data is
    /// stored as `vault` keeps it (plain or sealed).
    init(_ db: Database, vault: Vault, logger: Logger) throws {
        self.db = db
        self.vault = vault
        self.logger = logger
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
            let (content, sealed) = try vault.store(text, eventID: id, field: field)
            vaultRows.append(VaultRow(eventId: id, field: field.rawValue, key: key, content: content, sealed: sealed))
        }
        let payload = EventCodec.payload(event, commitments: commitments)
        canonical.reset()
        var texts = (caseID.rawValue, event.kind, actor, payload)
        texts.0.withUTF8 { caseBytes in
            texts.1.withUTF8 { kindBytes in
                texts.2.withUTF8 { actorBytes in
                    texts.3.withUTF8 { payloadBytes in
                        EventCodec.canonical(
                            id: id, caseID: UnsafeRawBufferPointer(caseBytes), kind: UnsafeRawBufferPointer(kindBytes),
                            occurredAt: occurredAt.secondsSinceEpoch, recordedAt: recordedAt.secondsSinceEpoch,
                            actor: UnsafeRawBufferPointer(actorBytes), payload: UnsafeRawBufferPointer(payloadBytes),
                            into: &canonical)
                    }
                }
            }
        }
        let hash = lastHash.withUnsafeBytes { Data(Chain.hash(previous: $0, canonical: canonical.buffer)) }
        // Cached statements with plain arguments: imports append tens of thousands of rows.
        try db.cachedStatement(
            sql: """
                INSERT INTO event (id, caseId, kind, payload, occurredAt, recordedAt, actor, prevHash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            id, caseID.rawValue, event.kind, payload, occurredAt.secondsSinceEpoch,
            recordedAt.secondsSinceEpoch, actor, lastHash, hash,
        ])
        for row in vaultRows {
            try db.cachedStatement(
                sql: "INSERT INTO vault (eventId, field, key, content, sealed) VALUES (?, ?, ?, ?, ?)"
            )
            .execute(arguments: [row.eventId, row.field, row.key, row.content, row.sealed])
        }
        lastEventID = id
        lastHash = hash
        logger.debug(
            "appended event",
            metadata: [
                "event": "\(id)", "case": "\(caseID)", "kind": "\(event.kind)", "personalFields": "\(personal.count)",
            ])
        return EventRecord(
            id: EventID(id), caseID: caseID, event: event, commitments: commitments,
            occurredAt: occurredAt, recordedAt: recordedAt, actor: actor)
    }

    /// Writes the new chain head. Call once before the transaction commits.
    func finish() throws {
        try ChainHeadRow(lastEventId: lastEventID, hash: lastHash).save(db)
    }
}
