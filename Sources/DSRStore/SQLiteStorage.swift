import DSRCore
import DSRLedger
import GRDB

/// The rows of the shared use cases (`LedgerStorage`) in SQLite, inside one write
/// transaction of `CaseStore`: cached statements, since imports write tens of thousands.
final class SQLiteStorage: LedgerStorage {
    let db: Database
    private let writer: ChainWriter

    init(db: Database, writer: ChainWriter) {
        self.db = db
        self.writer = writer
    }

    func append(
        _ event: Event, to caseID: CaseID, personal: [PersonalField: String], occurredAt: Instant,
        recordedAt: Instant, actor: String
    ) throws -> EventRecord {
        try writer.append(
            event, to: caseID, personal: personal, occurredAt: occurredAt, recordedAt: recordedAt, actor: actor)
    }

    func finishChain() throws { try writer.finish() }

    func storePolicyIfMissing(_ policy: PolicyReference, at: Instant) throws {
        if try PolicyRow.fetchOne(db, key: policy.hash) == nil {
            try PolicyRow(hash: policy.hash, source: policy.source, text: policy.text, storedAt: at.secondsSinceEpoch)
                .insert(db)
        }
    }

    func policyText(hash: String) throws -> String? {
        try PolicyRow.fetchOne(db, key: hash)?.text
    }

    func highestCaseNumber(year: Int) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT COALESCE(MAX(number), 0) FROM caseProjection WHERE year = ?"),
            arguments: [year]) ?? 0
    }

    func events(of caseID: CaseID) throws -> [EventRecord] {
        try CaseStore.events(of: caseID, db: db)
    }

    func saveProjection(_ summary: CaseSummary) throws {
        try ProjectionRow.upsert(summary, db)
    }

    func eventsHolding(_ field: PersonalField, in caseID: CaseID) throws -> Set<Int64> {
        try Int64.fetchSet(
            db,
            sql: """
                SELECT vault.eventId FROM vault JOIN event ON event.id = vault.eventId
                WHERE event.caseId = ? AND vault.field = ? AND vault.content IS NOT NULL
                """, arguments: [caseID.rawValue, field.rawValue])
    }

    func erase(in caseID: CaseID, field: PersonalField?, before: EventID?) throws -> Int {
        try db.execute(
            sql: """
                UPDATE vault SET key = NULL, content = NULL, sealed = 0
                WHERE content IS NOT NULL AND (?1 IS NULL OR field = ?1) AND (?2 IS NULL OR eventId < ?2)
                  AND eventId IN (SELECT id FROM event WHERE caseId = ?3)
                """, arguments: [field?.rawValue, before?.rawValue, caseID.rawValue])
        return db.changesCount
    }

    func accounts() throws -> [StaffAccount] {
        try AccountRow.order(AccountRow.Columns.login).fetchAll(db).map { try $0.account() }
    }

    func saveAccount(_ account: StaffAccount) throws {
        try AccountRow(account).save(db)
    }

    func inboxItems(messageIDHash: String) throws -> [(id: Int, contentHash: String?)] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT id, contentHash FROM inboxItem WHERE messageIdHash = ? ORDER BY id"),
            arguments: [messageIDHash]
        ).map { ($0["id"], $0["contentHash"]) }
    }

    func countDuplicate(ofInboxItem id: Int) throws {
        try db.execute(sql: "UPDATE inboxItem SET duplicates = duplicates + 1 WHERE id = ?", arguments: [id])
    }

    func nextInboxID() throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM inboxItem")) ?? 1
    }

    func insertInboxItem(id: Int, _ item: NewInboxItem, flags: [String], eventID: EventID, now: Instant) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO inboxItem (id, state, origin, takenAt, receivedAt, receiptSource, evidence, flags,
                    sha256, size, attachments, messageIdHash, contentHash, eventId)
                VALUES (?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            id, item.origin.rawValue, now.secondsSinceEpoch, item.receivedAt?.secondsSinceEpoch, item.receiptSource,
            InboxLines.joined(item.evidence), InboxLines.joined(flags), item.sha256, item.size, item.attachments,
            item.messageIDHash, item.contentHash, eventID.rawValue,
        ])
    }

    func inboxItem(_ id: Int) throws -> InboxItem? {
        try CaseStore.inboxItem(id, db: db)
    }

    func markInboxItem(_ id: Int, madeCase caseID: CaseID, at: Instant) throws {
        try db.execute(
            sql: "UPDATE inboxItem SET state = 'case', caseId = ?, settledAt = ? WHERE id = ?",
            arguments: [caseID.rawValue, at.secondsSinceEpoch, id])
    }

    func markInboxItem(_ id: Int, dismissedBy eventID: EventID, at: Instant) throws {
        try db.execute(
            sql: "UPDATE inboxItem SET state = 'dismissed', settledAt = ?, dismissedEventId = ? WHERE id = ?",
            arguments: [at.secondsSinceEpoch, eventID.rawValue, id])
    }
}
