import DSRCore
import DSRLedger
import Foundation
import GRDB
import Logging

/// Appends events to the log inside one write transaction: the `ChainLinker` links each
/// event, this writes its rows and, at the end, the new chain head. Keeps the head in memory,
/// so a bulk import appends many events with one head read and one write.
final class ChainWriter {
    private let db: Database
    private let logger: Logger
    private var linker: ChainLinker

    /// Reads the chain head; must be created inside a write transaction. Personal data is
    /// stored as `vault` keeps it (plain or sealed).
    init(_ db: Database, vault: Vault, logger: Logger) throws {
        self.db = db
        self.logger = logger
        linker = ChainLinker(after: try ChainHeadRow.fetchOne(db).map { ($0.lastEventId, $0.hash) }, vault: vault)
    }

    /// Appends one event with its personal data; returns the recorded event.
    func append(
        _ event: Event, to caseID: CaseID, personal: [PersonalField: String],
        occurredAt: Instant, recordedAt: Instant, actor: String
    ) throws -> EventRecord {
        let linked = try linker.link(
            event, to: caseID, personal: personal, occurredAt: occurredAt, recordedAt: recordedAt, actor: actor)
        let id = linked.record.id.rawValue
        // Cached statements with plain arguments: imports append tens of thousands of rows.
        try db.cachedStatement(
            sql: """
                INSERT INTO event (id, caseId, kind, payload, occurredAt, recordedAt, actor, prevHash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            id, caseID.rawValue, event.kind, linked.payload, occurredAt.secondsSinceEpoch,
            recordedAt.secondsSinceEpoch, actor, linked.prevHash, linked.hash,
        ])
        for record in linked.vaultRecords {
            try db.cachedStatement(
                sql: "INSERT INTO vault (eventId, field, key, content, sealed) VALUES (?, ?, ?, ?, ?)"
            )
            .execute(arguments: [record.eventID, record.field.rawValue, record.key, record.content, record.sealed])
        }
        logger.debug(
            "appended event",
            metadata: [
                "event": "\(id)", "case": "\(caseID)", "kind": "\(event.kind)", "personalFields": "\(personal.count)",
            ])
        return linked.record
    }

    /// Writes the new chain head. Call once before the transaction commits.
    func finish() throws {
        try ChainHeadRow(lastEventId: linker.lastEventID, hash: linker.lastHash).save(db)
    }
}
