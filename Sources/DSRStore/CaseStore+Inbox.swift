import DSRCore
import DSRLedger
import GRDB

extension CaseStore: InboxRecords {
    public func addInboxItems(_ items: [NewInboxItem], actor: String, now: Instant) throws -> [InboxAddition] {
        try writeBatch { batch, _ in try items.map { try batch.addInboxItem($0, actor: actor, now: now) } }
    }

    public func addUnreadableItem(
        origin: InboxOrigin, sha256: String, size: Int, reason: String, actor: String, now: Instant
    ) throws -> InboxItem {
        try writeBatch { batch, db in
            let id = try batch.storage.nextInboxID()
            let record = try batch.appendTrackerEvent(
                .messageUnreadable(item: id, sha256: sha256, size: size, reason: reason), at: now, actor: actor,
                now: now)
            try db.execute(
                sql: """
                    INSERT INTO inboxItem (id, state, origin, takenAt, evidence, flags, sha256, size, attachments,
                        failure, eventId, settledAt, purged)
                    VALUES (?, 'unreadable', ?, ?, '', '', ?, ?, 0, ?, ?, ?, 1)
                    """,
                arguments: [
                    id, origin.rawValue, now.secondsSinceEpoch, sha256, size, reason, record.id.rawValue,
                    now.secondsSinceEpoch,
                ])
            return try batch.inboxItem(id)
        }
    }

    public func inboxItems(_ filter: InboxFilter) throws -> [InboxItem] {
        try pool.read { db in
            let states = filter.states.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let condition = filter.states.isEmpty ? "" : "WHERE state IN (\(states))"
            return try Row.fetchAll(
                db, sql: "SELECT * FROM inboxItem \(condition) ORDER BY id DESC LIMIT ? OFFSET ?",
                arguments: [filter.limit, filter.offset]
            ).map(Self.inboxItem(row:))
        }
    }

    public func inboxCounts() throws -> [InboxState: Int] {
        try pool.read { db in
            var counts: [InboxState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM inboxItem GROUP BY state") {
                if let state = InboxState(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            return counts
        }
    }

    public func inboxItem(_ id: Int) throws -> InboxItem? {
        try pool.read { db in try Self.inboxItem(id, db: db) }
    }

    public func inboxPersonalData(of id: Int, fields: [PersonalField]) throws -> [PersonalField: VaultText] {
        try pool.read { db in
            let names = fields.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT vault.eventId, vault.field, vault.content, vault.sealed FROM vault
                    JOIN inboxItem ON inboxItem.eventId = vault.eventId
                    WHERE inboxItem.id = ? AND vault.field IN (\(names))
                    """, arguments: [id])
            var result: [PersonalField: VaultText] = [:]
            for row in rows {
                let name: String = row[1]
                guard let field = PersonalField(rawValue: name) else { continue }
                result[field] = try vault.text(content: row[2], sealed: row[3], eventID: row[0], field: name)
            }
            return result
        }
    }

    public func logCase(
        fromItem id: Int, _ newCase: NewCase, evidence: Event, reason: String?, policy: PolicyReference,
        engine: DeadlineEngine, actor: String, now: Instant
    ) throws -> Recorded {
        try writeBatch { batch, _ in
            try batch.logCase(
                fromItem: id, newCase, evidence: evidence, reason: reason, policy: policy, engine: engine,
                actor: actor, now: now)
        }
    }

    public func dismissInboxItem(_ id: Int, reason: String, actor: String, now: Instant) throws -> InboxItem {
        try writeBatch { batch, _ in try batch.dismissInboxItem(id, reason: reason, actor: actor, now: now) }
    }

    public func inboxPurgeCandidates(settledBefore cutoff: Instant) throws -> (items: Int, records: Int) {
        try pool.read { db in
            let items =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM inboxItem WHERE purged = 0 AND settledAt < ?",
                    arguments: [cutoff.secondsSinceEpoch]) ?? 0
            let records =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM vault WHERE content IS NOT NULL AND eventId IN (\(Self.purgeable))",
                    arguments: [cutoff.secondsSinceEpoch, cutoff.secondsSinceEpoch]) ?? 0
            return (items, records)
        }
    }

    public func purgeInbox(settledBefore cutoff: Instant, actor: String, now: Instant) throws -> (
        items: Int, records: Int
    ) {
        try writeBatch { batch, db in
            try db.execute(
                sql: """
                    UPDATE vault SET key = NULL, content = NULL, sealed = 0
                    WHERE content IS NOT NULL AND eventId IN (\(Self.purgeable))
                    """, arguments: [cutoff.secondsSinceEpoch, cutoff.secondsSinceEpoch])
            let records = db.changesCount
            try db.execute(
                sql: "UPDATE inboxItem SET purged = 1 WHERE purged = 0 AND settledAt < ?",
                arguments: [cutoff.secondsSinceEpoch])
            let items = db.changesCount
            guard items > 0 else { return (0, 0) }
            logger.info("purged inbox items", metadata: ["items": "\(items)", "records": "\(records)"])
            try batch.appendTrackerEvent(.inboxPurged(items: items, records: records), at: now, actor: actor, now: now)
            return (items, records)
        }
    }

    /// The events whose vault texts belong to settled items not yet purged (two cutoff
    /// arguments): each item's `message-received` and, if dismissed, its `message-dismissed`.
    private static let purgeable = """
        SELECT eventId FROM inboxItem WHERE purged = 0 AND settledAt < ?
        UNION SELECT dismissedEventId FROM inboxItem
        WHERE purged = 0 AND settledAt < ? AND dismissedEventId IS NOT NULL
        """

    static func inboxItem(_ id: Int, db: Database) throws -> InboxItem? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM inboxItem WHERE id = ?"), arguments: [id])
            .map(inboxItem(row:))
    }

    static func inboxItem(row: Row) -> InboxItem {
        InboxItem(
            id: row["id"], state: InboxState(rawValue: row["state"]) ?? .new,
            origin: InboxOrigin(rawValue: row["origin"]) ?? .file, takenAt: Instant(secondsSinceEpoch: row["takenAt"]),
            receivedAt: (row["receivedAt"] as Int64?).map(Instant.init(secondsSinceEpoch:)),
            receiptSource: row["receiptSource"], evidence: InboxLines.split(row["evidence"]),
            flags: InboxLines.split(row["flags"]),
            sha256: row["sha256"], size: row["size"], attachments: row["attachments"], duplicates: row["duplicates"],
            failure: row["failure"], caseID: (row["caseId"] as String?).flatMap(CaseID.init),
            settledAt: (row["settledAt"] as Int64?).map(Instant.init(secondsSinceEpoch:)),
            eventID: EventID(row["eventId"]), purged: row["purged"])
    }
}
