import DSRCore
import DSRLedger
import Foundation
import GRDB

extension CaseStore: RecordCopying {
    package func exportRecord(_ part: (RecordPart) throws -> Void) throws {
        try pool.read { db in
            for row in try Row.fetchAll(db, sql: "SELECT hash, source, text, storedAt FROM policy ORDER BY storedAt") {
                try part(.policy(hash: row[0], source: row[1], text: row[2], storedAt: row[3]))
            }
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting ORDER BY key") {
                try part(.setting(key: row[0], value: row[1]))
            }
            try exportEvents(db, part)
            if let head = try ChainHeadRow.fetchOne(db) {
                try part(.chainHead(lastEventID: head.lastEventId, hash: head.hash))
            }
            let projection = try ProjectionRow.all().order(ProjectionRow.Columns.id).summaries(db)
            for start in stride(from: 0, to: projection.count, by: recordCopyPageSize) {
                try part(.projection(Array(projection[start..<min(start + recordCopyPageSize, projection.count)])))
            }
            for account in try AccountRow.order(AccountRow.Columns.login).fetchAll(db) {
                try part(.account(try account.account()))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM credential ORDER BY login") {
                let login: String = row["login"]
                try part(
                    .credential(
                        CopiedCredential(
                            credential: try Self.credential(login: login, db: db)!,
                            calendarTokenHash: row["calendarTokenHash"], totpLastStep: row["totpLastStep"])))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM inboxItem ORDER BY id") {
                try part(
                    .inboxItem(
                        CopiedInboxItem(
                            item: Self.inboxItem(row: row), messageIDHash: row["messageIdHash"],
                            contentHash: row["contentHash"], dismissedEventID: row["dismissedEventId"])))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM apiToken ORDER BY id") {
                try part(.apiToken(Self.token(row: row), tokenHash: row["tokenHash"]))
            }
        }
    }

    /// The events with their vault texts, a page at a time.
    private func exportEvents(_ db: Database, _ part: (RecordPart) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let rows = try EventRow.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM event WHERE id > ? ORDER BY id LIMIT ?"),
                arguments: [after, recordCopyPageSize])
            guard let last = rows.last else { return }
            var texts: [Int64: [CopiedText]] = [:]
            for row in try Row.fetchAll(
                db.cachedStatement(
                    sql: "SELECT eventId, field, key, content, sealed FROM vault WHERE eventId > ? AND eventId <= ?"),
                arguments: [after, last.id])
            {
                texts[row[0], default: []].append(
                    CopiedText(field: row[1], key: row[2], content: row[3], sealed: row[4]))
            }
            try part(
                .events(
                    rows.map {
                        CopiedEvent(
                            id: $0.id, caseID: $0.caseId, kind: $0.kind, payload: $0.payload, occurredAt: $0.occurredAt,
                            recordedAt: $0.recordedAt, actor: $0.actor, prevHash: $0.prevHash, hash: $0.hash,
                            texts: texts[$0.id] ?? [])
                    }))
            after = last.id
        }
    }

    package func importRecord(_ export: ((RecordPart) throws -> Void) throws -> Void) throws {
        try write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") == 0 else {
                throw DSRStoreError.cannotOpen(
                    path: path, reason: "it holds events already; a copy needs an empty database")
            }
            try export { part in try Self.insert(part, db) }
        }
        try vaultModeAfterImport()
    }

    /// Reads the vault's mode again: the copy brought the fingerprint of its key, if sealed.
    private func vaultModeAfterImport() throws {
        let key: VaultKey? =
            switch vault {
            case .unsealed(let key), .sealed(let key): key
            case .plain, .locked: nil
            }
        settle(try pool.read { db in try Vault.open(db, key: key) })
    }

    /// Inserts one part of a copied record.
    private static func insert(_ part: RecordPart, _ db: Database) throws {
        switch part {
        case .policy(let hash, let source, let text, let storedAt):
            try PolicyRow(hash: hash, source: source, text: text, storedAt: storedAt).insert(db, onConflict: .ignore)
        case .setting(let key, let value):
            try SettingRow(key: key, value: value).save(db)
        case .events(let events):
            for event in events {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO event (id, caseId, kind, payload, occurredAt, recordedAt, actor, prevHash, hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """
                ).execute(arguments: [
                    event.id, event.caseID, event.kind, event.payload, event.occurredAt, event.recordedAt, event.actor,
                    event.prevHash, event.hash,
                ])
                for text in event.texts {
                    try db.cachedStatement(
                        sql: "INSERT INTO vault (eventId, field, key, content, sealed) VALUES (?, ?, ?, ?, ?)"
                    ).execute(arguments: [event.id, text.field, text.key, text.content, text.sealed])
                }
            }
        case .chainHead(let lastEventID, let hash):
            try ChainHeadRow(lastEventId: lastEventID, hash: hash).save(db)
        case .projection(let summaries):
            for summary in summaries { try ProjectionRow.upsert(summary, db) }
        case .account(let account):
            try AccountRow(account).insert(db)
        case .credential(let copied):
            let credential = copied.credential
            try db.execute(
                sql: """
                    INSERT INTO credential (login, passwordHash, changedAt, language, calendarTokenHash, totpSecret,
                        totpEnabled, totpLastStep) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    credential.login, credential.passwordHash, credential.changedAt.secondsSinceEpoch,
                    credential.language, copied.calendarTokenHash, credential.totpSecret, credential.totpEnabled,
                    copied.totpLastStep,
                ])
        case .inboxItem(let copied):
            let item = copied.item
            try db.execute(
                sql: """
                    INSERT INTO inboxItem (id, state, origin, takenAt, receivedAt, receiptSource, evidence, flags,
                        sha256, size, attachments, messageIdHash, contentHash, duplicates, failure, caseId, settledAt,
                        eventId, dismissedEventId, purged)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    item.id, item.state.rawValue, item.origin.rawValue, item.takenAt.secondsSinceEpoch,
                    item.receivedAt?.secondsSinceEpoch, item.receiptSource, InboxLines.joined(item.evidence),
                    InboxLines.joined(item.flags), item.sha256, item.size, item.attachments, copied.messageIDHash,
                    copied.contentHash, item.duplicates, item.failure, item.caseID?.rawValue,
                    item.settledAt?.secondsSinceEpoch, item.eventID.rawValue, copied.dismissedEventID, item.purged,
                ])
        case .apiToken(let token, let tokenHash):
            try db.execute(
                sql: """
                    INSERT INTO apiToken (id, login, name, tokenHash, createdAt, lastUsedAt, revokedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    token.id, token.login, token.name, tokenHash, token.createdAt.secondsSinceEpoch,
                    token.lastUsedAt?.secondsSinceEpoch, token.revokedAt?.secondsSinceEpoch,
                ])
        }
    }
}
