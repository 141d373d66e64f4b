import DSRCore
import DSRLedger
import Foundation
import PostgresNIO

/// Appends events to the chain inside one transaction: locks the chain head's row first
/// (`SELECT … FOR UPDATE`), so writers on every server take turns, links each event with the
/// shared `ChainLinker`, inserts its rows and its vault texts, each encrypted under a key of
/// its own (`RecordCipher`), and moves the head at the end.
final class PostgresChainWriter {
    private let link: PostgresLink
    private var linker: ChainLinker

    /// Locks and reads the head; must be created inside a write transaction of `link`.
    init(vault: Vault, in link: PostgresLink) throws {
        self.link = link
        try link.query(
            "INSERT INTO chain_head (id, last_event_id, hash) VALUES (1, 0, \(Chain.genesis)) ON CONFLICT (id) DO NOTHING"
        )
        guard
            let head = try link.query("SELECT last_event_id, hash FROM chain_head WHERE id = 1 FOR UPDATE").first?
                .decode((Int64, Data).self)
        else { throw PostgresFailure(kind: .refused, sqlState: nil, message: "the chain head is missing") }
        linker = ChainLinker(after: head, vault: vault)
    }

    /// Links and inserts one event with its personal data.
    func append(
        _ event: Event, to caseID: CaseID, personal: [PersonalField: String], occurredAt: Instant,
        recordedAt: Instant, actor: String
    ) throws -> LinkedEvent {
        let linked = try linker.link(
            event, to: caseID, personal: personal, occurredAt: occurredAt, recordedAt: recordedAt, actor: actor)
        let record = linked.record
        try link.query(
            """
            INSERT INTO event (id, case_id, kind, payload, occurred_at, recorded_at, actor, prev_hash, hash)
            VALUES (\(record.id.rawValue), \(caseID.rawValue), \(event.kind), \(linked.payload),
                    \(occurredAt.secondsSinceEpoch), \(recordedAt.secondsSinceEpoch), \(actor),
                    \(linked.prevHash), \(linked.hash))
            """)
        for text in linked.vaultRecords {
            let (dataKey, box) = try RecordCipher.encrypt(
                text.content, eventID: text.eventID, field: text.field.rawValue)
            try link.query(
                """
                INSERT INTO vault (event_id, field, content, sealed)
                VALUES (\(text.eventID), \(text.field.rawValue), \(box), \(text.sealed))
                """)
            try link.query(
                """
                INSERT INTO vault_key (event_id, field, key, data_key)
                VALUES (\(text.eventID), \(text.field.rawValue), \(text.key), \(dataKey))
                """)
        }
        return linked
    }

    /// Moves the head to the last event appended. Call once before the transaction commits.
    func finish() throws {
        try link.query(
            "UPDATE chain_head SET last_event_id = \(linker.lastEventID), hash = \(linker.lastHash) WHERE id = 1")
    }
}
