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

    /// Erases a text: deletes its keys (crypto-shredding) and its content, in the caller's
    /// transaction. The commitment in the event stays; `verify` counts the record as erased.
    package func erase(eventID: Int64, field: PersonalField, in link: PostgresLink) throws {
        try link.query("DELETE FROM vault_key WHERE event_id = \(eventID) AND field = \(field.rawValue)")
        try link.query("UPDATE vault SET content = NULL WHERE event_id = \(eventID) AND field = \(field.rawValue)")
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
            parallelism: parallelism,
            check: { range in
                let reader = try connect()
                defer { reader.close() }
                return try reader.transaction(.snapshot) { reader in
                    VerificationPart(
                        events: try Self.checkEvents(range, headID: headID, in: reader),
                        vault: try Self.checkVault(range, vault: vault, in: reader))
                }
            },
            lastHash: { try link.query("SELECT hash FROM event WHERE id = \(headID)").first?.decode(Data.self) })
    }

    /// `ChainCheck.events` over the events of `range`.
    private static func checkEvents(
        _ range: ClosedRange<Int64>, headID: Int64, in link: PostgresLink
    ) throws -> VerificationPart {
        let before =
            range.lowerBound == 1
            ? Chain.genesis
            : try link.query("SELECT hash FROM event WHERE id = \(range.lowerBound - 1)").first?.decode(Data.self)
        let rows = try link.query(
            """
            SELECT id, case_id, kind, payload, occurred_at, recorded_at, actor, prev_hash, hash FROM event
            WHERE id BETWEEN \(range.lowerBound) AND \(range.upperBound) ORDER BY id
            """
        ).map { row -> [DecodedChainRows.Cell] in
            let (id, caseID, kind, payload, occurredAt, recordedAt, actor, prevHash, hash) = try row.decode(
                (Int64, String, String, String, Int64, Int64, String, Data, Data).self)
            return [
                .integer(id), .bytes(Data(caseID.utf8)), .bytes(Data(kind.utf8)), .bytes(Data(payload.utf8)),
                .integer(occurredAt), .integer(recordedAt), .bytes(Data(actor.utf8)), .bytes(prevHash), .bytes(hash),
            ]
        }
        return try ChainCheck.events(DecodedChainRows(rows), range: range, before: before, headID: headID)
    }

    /// `ChainCheck.vault` over the texts of the events of `range`, each decrypted with its own
    /// key first (a text whose key is gone counts as erased; one that does not decrypt is
    /// handed on as it is stored, so its commitment fails).
    private static func checkVault(
        _ range: ClosedRange<Int64>, vault: Vault, in link: PostgresLink
    ) throws -> VerificationPart {
        let rows = try link.query(
            """
            SELECT vault.event_id, vault.field, vault_key.key, vault.content, event.payload, vault.sealed,
                   vault_key.data_key
            FROM vault JOIN event ON event.id = vault.event_id LEFT JOIN vault_key USING (event_id, field)
            WHERE vault.event_id BETWEEN \(range.lowerBound) AND \(range.upperBound) ORDER BY vault.event_id
            """
        ).map { row -> [DecodedChainRows.Cell] in
            let (eventID, field, key, box, payload, sealed, dataKey) = try row.decode(
                (Int64, String, Data?, Data?, String, Bool, Data?).self)
            let content: DecodedChainRows.Cell
            if let box, let dataKey, key != nil {
                content = .bytes(RecordCipher.decrypt(box, dataKey: dataKey, eventID: eventID, field: field) ?? box)
            } else {
                content = .null
            }
            return [
                .integer(eventID), .bytes(Data(field.utf8)), key.map { .bytes($0) } ?? .null, content,
                .bytes(Data(payload.utf8)), .integer(sealed ? 1 : 0),
            ]
        }
        return try ChainCheck.vault(DecodedChainRows(rows), vault: vault)
    }
}
