import DSRCore
import DSRLedger
import Foundation
import PostgresNIO

/// One event to append to the chain: what happened to which case, with its personal data.
package struct ChainEntry: Sendable {
    package var event: Event
    package var caseID: CaseID
    package var personal: [PersonalField: String]
    package var occurredAt: Instant
    package var actor: String

    package init(
        event: Event, caseID: CaseID, personal: [PersonalField: String] = [:], occurredAt: Instant, actor: String
    ) {
        self.event = event
        self.caseID = caseID
        self.personal = personal
        self.occurredAt = occurredAt
        self.actor = actor
    }
}

/// The hash chain and the vault of a tracker in PostgreSQL, written and verified by the
/// shared code of DSRLedger (`ChainLinker`, `ChainCheck`, `ChainVerification`): this type only
/// moves their rows. Writers serialise on the chain head's row lock inside their transaction,
/// so servers on one database extend one chain without gaps.
package struct PostgresChain: Sendable {
    /// How texts are kept under the per-record keys: plain or sealed with the vault key.
    package let vault: Vault

    package init(vault: Vault) { self.vault = vault }

    /// Appends `entries` as the next events, inside the transaction `link` is in (see
    /// `PostgresLink.transaction`).
    package func append(_ entries: [ChainEntry], recordedAt: Instant, in link: PostgresLink) throws -> [LinkedEvent] {
        let writer = try PostgresChainWriter(vault: vault, in: link)
        let linked = try entries.map { entry in
            try writer.append(
                entry.event, to: entry.caseID, personal: entry.personal, occurredAt: entry.occurredAt,
                recordedAt: recordedAt, actor: entry.actor)
        }
        try writer.finish()
        return linked
    }

    /// A vault text as the domain sees it: the text, erased (its key is gone), or sealed.
    package func text(eventID: Int64, field: PersonalField, in link: PostgresLink) throws -> VaultText {
        let rows = try link.query(
            """
            SELECT vault.content, vault.sealed, vault_key.data_key FROM vault
            LEFT JOIN vault_key USING (event_id, field) WHERE event_id = \(eventID) AND field = \(field.rawValue)
            """)
        guard let (box, sealed, dataKey) = try rows.first?.decode((Data?, Bool, Data?).self) else { return .erased }
        return try text(box: box, sealed: sealed, dataKey: dataKey, eventID: eventID, field: field.rawValue)
    }

    /// A stored text opened with its own key and then as the vault keeps it: erased when the
    /// text or its key is gone; an error when the box does not open (it was altered).
    package func text(box: Data?, sealed: Bool, dataKey: Data?, eventID: Int64, field: String) throws -> VaultText {
        guard let box, let dataKey else { return .erased }
        guard let content = RecordCipher.decrypt(box, dataKey: dataKey, eventID: eventID, field: field) else {
            throw LedgerError.sealedRecordAltered(event: eventID)
        }
        return try vault.text(content: content, sealed: sealed, eventID: eventID, field: field)
    }

    /// Erases texts, each named by its event and field: deletes their keys (crypto-shredding:
    /// the old row versions PostgreSQL still holds can no longer be read) and nulls them, in
    /// the caller's transaction. The commitments in the events stay; `verify` counts the
    /// records as erased.
    package static func erase(_ texts: [(eventID: Int64, field: String)], in link: PostgresLink) throws {
        guard !texts.isEmpty else { return }
        let eventIDs = texts.map(\.eventID)
        let fields = texts.map(\.field)
        try link.query(
            """
            DELETE FROM vault_key
            WHERE (event_id, field) IN (SELECT * FROM unnest(\(eventIDs)::int8[], \(fields)::text[]))
            """)
        try link.query(
            """
            UPDATE vault SET content = NULL, sealed = false
            WHERE (event_id, field) IN (SELECT * FROM unnest(\(eventIDs)::int8[], \(fields)::text[]))
            """)
    }

    /// Walks the whole chain and vault on `parallelism` connections that `connect` opens, each
    /// range in one snapshot.
    package func verify(
        parallelism: Int, in link: PostgresLink, connect: @escaping @Sendable () throws -> PostgresLink
    ) throws -> VerificationReport {
        let head = try link.query("SELECT last_event_id, hash FROM chain_head WHERE id = 1").first?.decode(
            (Int64, Data).self)
        let headID = head?.0 ?? 0
        let beyond = try link.query("SELECT min(id) FROM event WHERE id > \(headID)").first?.decode(Int64?.self)
        let vault = self.vault
        return try ChainVerification.run(
            head: head.map { (lastEventID: $0.0, hash: $0.1) }, firstBeyondHead: beyond ?? nil,
            parallelism: parallelism, threadPerRange: true,
            check: { range in
                let reader = try connect()
                defer { reader.close() }
                return try reader.transaction(.snapshot) { reader in
                    // The ranges already run side by side, each on a connection of its own;
                    // parallel workers only add processes that compete for the same cores.
                    try reader.query("SET LOCAL max_parallel_workers_per_gather = 0")
                    let payloads = EventPayloads()
                    return VerificationPart(
                        events: try Self.checkEvents(range, headID: headID, recordingInto: payloads, in: reader),
                        vault: try Self.checkVault(range, vault: vault, payloads: payloads, in: reader))
                }
            },
            lastHash: { try link.query("SELECT hash FROM event WHERE id = \(headID)").first?.decode(Data.self) })
    }

    /// `ChainCheck.events` over the events of `range`; their payloads are recorded into
    /// `payloads` for the vault check.
    private static func checkEvents(
        _ range: ClosedRange<Int64>, headID: Int64, recordingInto payloads: EventPayloads, in link: PostgresLink
    ) throws -> VerificationPart {
        let before =
            range.lowerBound == 1
            ? Chain.genesis
            : try link.query("SELECT hash FROM event WHERE id = \(range.lowerBound - 1)").first?.decode(Data.self)
        // Texts as the client encoding's bytes (textsend), each ended by a 0 byte.
        let packed = """
            int8send(id) || textsend(case_id) || '\\x00'::bytea || textsend(kind) || '\\x00'::bytea
            || textsend(payload) || '\\x00'::bytea || int8send(occurred_at) || int8send(recorded_at)
            || textsend(actor) || '\\x00'::bytea || int4send(octet_length(prev_hash)) || prev_hash
            || int4send(octet_length(hash)) || hash
            """
        let rows = try link.query(
            PostgresQuery(unsafeSQL: PackedChainRows.chunks(of: packed, from: "event", key: "id", range: range)))
        let layout: [PackedChainRows.Column] = [.int8, .text, .text, .text, .int8, .int8, .text, .bytes, .bytes]
        let recording = PackedChainRows.Recording(payloads: payloads, id: 0, payload: 3)
        return try ChainCheck.events(
            try PackedChainRows(rows, layout: layout, recording: recording), range: range, before: before,
            headID: headID)
    }

    /// `ChainCheck.vault` over the texts of the events of `range`, each opened with its own
    /// key first (a text whose key is gone counts as erased; one that does not open is handed
    /// on as it is stored, so its commitment fails), against the event payloads the event
    /// check recorded.
    private static func checkVault(
        _ range: ClosedRange<Int64>, vault: Vault, payloads: EventPayloads, in link: PostgresLink
    ) throws -> VerificationPart {
        let packed = """
            int8send(vault.event_id) || textsend(vault.field) || '\\x00'::bytea
            || COALESCE(int4send(octet_length(vault_key.key)) || vault_key.key, int4send(-1))
            || COALESCE(int4send(octet_length(vault.content)) || vault.content, int4send(-1))
            || CASE WHEN vault.sealed THEN '\\x01'::bytea ELSE '\\x00'::bytea END
            || COALESCE(int4send(octet_length(vault_key.data_key)) || vault_key.data_key, int4send(-1))
            """
        // The key's range is in the join, not the WHERE clause: a text without a key is erased,
        // not absent.
        let source = """
            vault LEFT JOIN vault_key ON vault_key.event_id = vault.event_id AND vault_key.field = vault.field
                AND vault_key.event_id BETWEEN \(PackedChainRows.chunkBounds(range: range))
            """
        let rows = try link.query(
            PostgresQuery(
                unsafeSQL: PackedChainRows.chunks(of: packed, from: source, key: "vault.event_id", range: range)))
        let layout: [PackedChainRows.Column] = [.int8, .text, .bytes, .bytes, .eventPayload, .bool, .bytes]
        let opening = PackedChainRows.Opening(box: 3, dataKey: 6, eventID: 0, field: 1)
        return try ChainCheck.vault(
            try PackedChainRows(rows, layout: layout, opening: opening, payloads: payloads), vault: vault)
    }
}
