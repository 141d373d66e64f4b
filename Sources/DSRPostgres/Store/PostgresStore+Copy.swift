import DSRCore
import DSRLedger
import Foundation
import NIOCore
import PostgresNIO

extension PostgresStore: RecordCopying {
    package func exportRecord(_ part: (RecordPart) throws -> Void) throws {
        try read { link in
            for row in try link.query("SELECT hash, source, text, stored_at FROM policy ORDER BY stored_at, hash") {
                let (hash, source, text, storedAt) = try row.decode((String, String, String, Int64).self)
                try part(.policy(hash: hash, source: source, text: text, storedAt: storedAt))
            }
            for row in try link.query("SELECT key, value FROM setting ORDER BY key") {
                let (key, value) = try row.decode((String, String).self)
                try part(.setting(key: key, value: value))
            }
            try exportEvents(link, part)
            if let head = try link.query("SELECT last_event_id, hash FROM chain_head WHERE id = 1").first {
                let (lastEventID, hash) = try head.decode((Int64, Data).self)
                try part(.chainHead(lastEventID: lastEventID, hash: hash))
            }
            var after = ""
            while true {
                let page = try ProjectionSQL.summaries(
                    try link.query(
                        """
                        SELECT \(unescaped: ProjectionSQL.selection) FROM case_projection
                        WHERE id > \(after) ORDER BY id LIMIT \(recordCopyPageSize)
                        """))
                guard let last = page.last else { break }
                try part(.projection(page))
                after = last.id
            }
            for account in try Self.accounts(in: link) { try part(.account(account)) }
            for row in try link.query(
                "SELECT login, calendar_token_hash, totp_last_step FROM credential ORDER BY login")
            {
                let (login, calendarTokenHash, totpLastStep) = try row.decode((String, String?, Int64?).self)
                guard let credential = try Self.credential(login: login, in: link) else { continue }
                try part(
                    .credential(
                        CopiedCredential(
                            credential: credential, calendarTokenHash: calendarTokenHash, totpLastStep: totpLastStep)))
            }
            for row in try link.query(
                """
                SELECT \(unescaped: Self.itemColumns), message_id_hash, content_hash, dismissed_event_id
                FROM inbox_item ORDER BY id
                """)
            {
                let cells = row.makeRandomAccess()
                try part(
                    .inboxItem(
                        CopiedInboxItem(
                            item: try Self.inboxItem(row: row), messageIDHash: try cells[17].decode(String?.self),
                            contentHash: try cells[18].decode(String?.self),
                            dismissedEventID: try cells[19].decode(Int64?.self))))
            }
            for row in try link.query(
                "SELECT \(unescaped: Self.tokenColumns), token_hash FROM api_token ORDER BY id")
            {
                try part(
                    .apiToken(try Self.token(row: row), tokenHash: try row.makeRandomAccess()[6].decode(String.self)))
            }
        }
    }

    /// The events with their vault texts (each opened with its own key), a page at a time.
    private func exportEvents(_ link: PostgresLink, _ part: (RecordPart) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            var events = try link.query(
                """
                SELECT id, case_id, kind, payload, occurred_at, recorded_at, actor, prev_hash, hash FROM event
                WHERE id > \(after) ORDER BY id LIMIT \(recordCopyPageSize)
                """
            ).map { row in
                let (id, caseID, kind, payload, occurredAt, recordedAt, actor, prevHash, hash) = try row.decode(
                    (Int64, String, String, String, Int64, Int64, String, Data, Data).self)
                return CopiedEvent(
                    id: id, caseID: caseID, kind: kind, payload: payload, occurredAt: occurredAt,
                    recordedAt: recordedAt, actor: actor, prevHash: prevHash, hash: hash)
            }
            guard let last = events.last else { return }
            var texts: [Int64: [CopiedText]] = [:]
            for row in try link.query(
                """
                SELECT vault.event_id, vault.field, vault_key.key, vault.content, vault.sealed, vault_key.data_key
                FROM vault LEFT JOIN vault_key USING (event_id, field)
                WHERE vault.event_id > \(after) AND vault.event_id <= \(last.id)
                """)
            {
                let (eventID, field, key, box, sealed, dataKey) = try row.decode(
                    (Int64, String, Data?, Data?, Bool, Data?).self)
                var content: Data?
                if let box, let dataKey, key != nil {
                    guard let opened = RecordCipher.decrypt(box, dataKey: dataKey, eventID: eventID, field: field)
                    else { throw LedgerError.sealedRecordAltered(event: eventID) }
                    content = opened
                }
                texts[eventID, default: []].append(
                    CopiedText(field: field, key: content == nil ? nil : key, content: content, sealed: sealed))
            }
            for index in events.indices { events[index].texts = texts[events[index].id] ?? [] }
            try part(.events(events))
            after = last.id
        }
    }

    package func importRecord(_ export: ((RecordPart) throws -> Void) throws -> Void) throws {
        try write { link in
            guard try link.query("SELECT 1 FROM event LIMIT 1").isEmpty else {
                throw PostgresFailure(
                    kind: .refused, sqlState: nil,
                    message: "the database holds events already; a copy needs an empty one")
            }
            try export { part in try Self.insert(part, in: link) }
            try link.query(
                """
                SELECT setval(pg_get_serial_sequence('api_token', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM api_token
                """)
        }
        let fingerprint = try setting(Vault.fingerprintSetting)
        let key: VaultKey? =
            switch vault {
            case .unsealed(let key), .sealed(let key): key
            case .plain, .locked: nil
            }
        settleVault(try Vault.mode(key: key, fingerprint: fingerprint))
        vacuumAfterImport()
    }

    /// Vacuums and analyzes the database the copy went into, as PostgreSQL's manual advises
    /// after a bulk load ("Populating a Database"): the planner has statistics at once, and
    /// the rows' hint bits and visibility are set now instead of by the first reads (the
    /// copy's verification among them). Without the owner role, PostgreSQL before 17 skips
    /// the tables with a warning, and autovacuum does the work later.
    private func vacuumAfterImport() {
        do {
            try executeAsOwner(script: "VACUUM (ANALYZE)")
        } catch {
            logger.warning("vacuum after the copy failed; autovacuum will do it", metadata: ["error": "\(error)"])
        }
    }

    /// Inserts one part of a copied record.
    private static func insert(_ part: RecordPart, in link: PostgresLink) throws {
        switch part {
        case .policy(let hash, let source, let text, let storedAt):
            try link.query(
                """
                INSERT INTO policy (hash, source, text, stored_at) VALUES (\(hash), \(source), \(text), \(storedAt))
                ON CONFLICT (hash) DO NOTHING
                """)
        case .setting(let key, let value):
            try link.query(
                """
                INSERT INTO setting (key, value) VALUES (\(key), \(value))
                ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
                """)
        case .events(let events):
            try insertEvents(events, in: link)
        case .chainHead(let lastEventID, let hash):
            try link.query(
                """
                INSERT INTO chain_head (id, last_event_id, hash) VALUES (1, \(lastEventID), \(hash))
                ON CONFLICT (id) DO UPDATE SET last_event_id = EXCLUDED.last_event_id, hash = EXCLUDED.hash
                """)
        case .projection(let summaries):
            try link.query(
                """
                INSERT INTO case_projection SELECT * FROM json_populate_recordset(NULL::case_projection, \(try ProjectionSQL.json(summaries))::json)
                """)
        case .account(let account):
            try saveAccount(account, in: link)
        case .credential(let copied):
            let credential = copied.credential
            try link.query(
                """
                INSERT INTO credential (login, password_hash, changed_at, language, calendar_token_hash, totp_secret,
                    totp_enabled, totp_last_step)
                VALUES (\(credential.login), \(credential.passwordHash), \(credential.changedAt.secondsSinceEpoch),
                        \(credential.language), \(copied.calendarTokenHash), \(credential.totpSecret),
                        \(credential.totpEnabled), \(copied.totpLastStep))
                """)
        case .inboxItem(let copied):
            let item = copied.item
            try link.query(
                """
                INSERT INTO inbox_item (id, state, origin, taken_at, received_at, receipt_source, evidence, flags,
                    sha256, size, attachments, message_id_hash, content_hash, duplicates, failure, case_id, settled_at,
                    event_id, dismissed_event_id, purged)
                VALUES (\(item.id), \(item.state.rawValue), \(item.origin.rawValue), \(item.takenAt.secondsSinceEpoch),
                        \(item.receivedAt?.secondsSinceEpoch), \(item.receiptSource), \(InboxLines.joined(item.evidence)),
                        \(InboxLines.joined(item.flags)), \(item.sha256), \(item.size), \(item.attachments),
                        \(copied.messageIDHash), \(copied.contentHash), \(item.duplicates), \(item.failure),
                        \(item.caseID?.rawValue), \(item.settledAt?.secondsSinceEpoch), \(item.eventID.rawValue),
                        \(copied.dismissedEventID), \(item.purged))
                """)
        case .apiToken(let token, let tokenHash):
            try link.query(
                """
                INSERT INTO api_token (id, login, name, token_hash, created_at, last_used_at, revoked_at)
                OVERRIDING SYSTEM VALUE
                VALUES (\(token.id), \(token.login), \(token.name), \(tokenHash), \(token.createdAt.secondsSinceEpoch),
                        \(token.lastUsedAt?.secondsSinceEpoch), \(token.revokedAt?.secondsSinceEpoch))
                """)
        }
    }

    /// Inserts a page of events with their texts, each column as one array (`unnest`): a
    /// round trip per table and page, not per row. Each text is encrypted under a new key.
    private static func insertEvents(_ events: [CopiedEvent], in link: PostgresLink) throws {
        func bytes(_ data: Data) -> NIOCore.ByteBuffer { NIOCore.ByteBuffer(bytes: data) }
        try link.query(
            """
            INSERT INTO event (id, case_id, kind, payload, occurred_at, recorded_at, actor, prev_hash, hash)
            SELECT * FROM unnest(\(events.map(\.id))::int8[], \(events.map(\.caseID))::text[],
                \(events.map(\.kind))::text[], \(events.map(\.payload))::text[], \(events.map(\.occurredAt))::int8[],
                \(events.map(\.recordedAt))::int8[], \(events.map(\.actor))::text[],
                \(events.map { bytes($0.prevHash) })::bytea[], \(events.map { bytes($0.hash) })::bytea[])
            """)
        var kept = (eventIDs: [Int64](), fields: [String](), boxes: [NIOCore.ByteBuffer](), sealed: [Bool]())
        var keys = (keys: [NIOCore.ByteBuffer](), dataKeys: [NIOCore.ByteBuffer]())
        var erased = (eventIDs: [Int64](), fields: [String]())
        for event in events {
            for text in event.texts {
                guard let content = text.content, let key = text.key else {
                    erased.eventIDs.append(event.id)
                    erased.fields.append(text.field)
                    continue
                }
                let (dataKey, box) = try RecordCipher.encrypt(content, eventID: event.id, field: text.field)
                kept.eventIDs.append(event.id)
                kept.fields.append(text.field)
                kept.boxes.append(bytes(box))
                kept.sealed.append(text.sealed)
                keys.keys.append(bytes(key))
                keys.dataKeys.append(bytes(dataKey))
            }
        }
        if !kept.eventIDs.isEmpty {
            try link.query(
                """
                INSERT INTO vault (event_id, field, content, sealed)
                SELECT * FROM unnest(\(kept.eventIDs)::int8[], \(kept.fields)::text[], \(kept.boxes)::bytea[],
                    \(kept.sealed)::bool[])
                """)
            try link.query(
                """
                INSERT INTO vault_key (event_id, field, key, data_key)
                SELECT * FROM unnest(\(kept.eventIDs)::int8[], \(kept.fields)::text[], \(keys.keys)::bytea[],
                    \(keys.dataKeys)::bytea[])
                """)
        }
        if !erased.eventIDs.isEmpty {
            try link.query(
                """
                INSERT INTO vault (event_id, field, content, sealed)
                SELECT e, f, NULL, false FROM unnest(\(erased.eventIDs)::int8[], \(erased.fields)::text[]) AS t (e, f)
                """)
        }
    }
}
