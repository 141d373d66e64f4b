import DSRCore
import DSRLedger
import GRDB

extension CaseStore: InboxRecords {
    public func addInboxItems(_ items: [NewInboxItem], actor: String, now: Instant) throws -> [InboxAddition] {
        try writeBatch { session in try items.map { try Self.add($0, session: session, actor: actor, now: now) } }
    }

    /// One item of `addInboxItems`, inside its transaction.
    private static func add(_ item: NewInboxItem, session: BulkSession, actor: String, now: Instant) throws
        -> InboxAddition
    {
        var flags = item.flags
        if let hash = item.messageIDHash {
            let known = try Row.fetchAll(
                session.db.cachedStatement(
                    sql: "SELECT id, contentHash FROM inboxItem WHERE messageIdHash = ? ORDER BY id"),
                arguments: [hash])
            if let same = known.first(where: { $0["contentHash"] == item.contentHash }) {
                let id: Int = same["id"]
                try session.db.execute(
                    sql: "UPDATE inboxItem SET duplicates = duplicates + 1 WHERE id = ?", arguments: [id])
                return .duplicate(try inboxItem(id, db: session.db)!)
            }
            if !known.isEmpty { flags.append("duplicate-message-id") }
        }
        let id = try nextInboxID(session.db)
        let record = try session.writer.append(
            .messageReceived(item: id, sha256: item.sha256, size: item.size, evidence: item.evidence, flags: flags),
            to: .tracker, personal: item.personal, occurredAt: now, recordedAt: now, actor: actor)
        try session.db.cachedStatement(
            sql: """
                INSERT INTO inboxItem (id, state, origin, takenAt, receivedAt, receiptSource, evidence, flags,
                    sha256, size, attachments, messageIdHash, contentHash, eventId)
                VALUES (?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            id, item.origin.rawValue, now.secondsSinceEpoch, item.receivedAt?.secondsSinceEpoch, item.receiptSource,
            joined(item.evidence), joined(flags), item.sha256, item.size, item.attachments, item.messageIDHash,
            item.contentHash, record.id.rawValue,
        ])
        return .added(try inboxItem(id, db: session.db)!)
    }

    public func addUnreadableItem(
        origin: InboxOrigin, sha256: String, size: Int, reason: String, actor: String, now: Instant
    ) throws -> InboxItem {
        try writeBatch { session in
            let id = try Self.nextInboxID(session.db)
            let record = try session.writer.append(
                .messageUnreadable(item: id, sha256: sha256, size: size, reason: reason), to: .tracker, personal: [:],
                occurredAt: now, recordedAt: now, actor: actor)
            try session.db.execute(
                sql: """
                    INSERT INTO inboxItem (id, state, origin, takenAt, evidence, flags, sha256, size, attachments,
                        failure, eventId, settledAt, purged)
                    VALUES (?, 'unreadable', ?, ?, '', '', ?, ?, 0, ?, ?, ?, 1)
                    """,
                arguments: [
                    id, origin.rawValue, now.secondsSinceEpoch, sha256, size, reason, record.id.rawValue,
                    now.secondsSinceEpoch,
                ])
            return try Self.inboxItem(id, db: session.db)!
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
        try writeBatch { session in
            try Self.requireNew(id, db: session.db)
            let (received, first) = try session.log(
                newCase, policy: policy, engine: engine, actor: actor, recordedAt: now)
            var state = first
            let personal: [PersonalField: String] = reason.map { [.reason: $0] } ?? [:]
            state.apply(
                try session.writer.append(
                    evidence, to: state.id, personal: personal, occurredAt: newCase.received, recordedAt: now,
                    actor: actor))
            let schedule = try session.saveProjection(state, engine: engine, now: now)
            try session.db.execute(
                sql: "UPDATE inboxItem SET state = 'case', caseId = ?, settledAt = ? WHERE id = ?",
                arguments: [state.id.rawValue, now.secondsSinceEpoch, id])
            return Recorded(record: received, state: state, schedule: schedule)
        }
    }

    public func dismissInboxItem(_ id: Int, reason: String, actor: String, now: Instant) throws -> InboxItem {
        try writeBatch { session in
            try Self.requireNew(id, db: session.db)
            let record = try session.writer.append(
                .messageDismissed(item: id), to: .tracker, personal: [.reason: reason], occurredAt: now,
                recordedAt: now, actor: actor)
            try session.db.execute(
                sql: "UPDATE inboxItem SET state = 'dismissed', settledAt = ?, dismissedEventId = ? WHERE id = ?",
                arguments: [now.secondsSinceEpoch, record.id.rawValue, id])
            return try Self.inboxItem(id, db: session.db)!
        }
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
        try writeBatch { session in
            try session.db.execute(
                sql: """
                    UPDATE vault SET key = NULL, content = NULL, sealed = 0
                    WHERE content IS NOT NULL AND eventId IN (\(Self.purgeable))
                    """, arguments: [cutoff.secondsSinceEpoch, cutoff.secondsSinceEpoch])
            let records = session.db.changesCount
            try session.db.execute(
                sql: "UPDATE inboxItem SET purged = 1 WHERE purged = 0 AND settledAt < ?",
                arguments: [cutoff.secondsSinceEpoch])
            let items = session.db.changesCount
            guard items > 0 else { return (0, 0) }
            logger.info("purged inbox items", metadata: ["items": "\(items)", "records": "\(records)"])
            _ = try session.writer.append(
                .inboxPurged(items: items, records: records), to: .tracker, personal: [:], occurredAt: now,
                recordedAt: now, actor: actor)
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

    private static func requireNew(_ id: Int, db: Database) throws {
        guard let item = try inboxItem(id, db: db) else { throw DSRCoreError.notFound("no inbox item \(id)") }
        guard item.state == .new else {
            let what =
                switch item.state {
                case .caseOpened: "was made case \(item.caseID?.rawValue ?? "")"
                case .dismissed: "was dismissed"
                case .unreadable: "could not be read"
                case .new: ""
                }
            throw DSRCoreError.stepRefused("inbox item \(id) \(what)")
        }
    }

    private static func nextInboxID(_ db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM inboxItem")) ?? 1
    }

    static func inboxItem(_ id: Int, db: Database) throws -> InboxItem? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM inboxItem WHERE id = ?"), arguments: [id])
            .map(inboxItem(row:))
    }

    private static func inboxItem(row: Row) -> InboxItem {
        InboxItem(
            id: row["id"], state: InboxState(rawValue: row["state"]) ?? .new,
            origin: InboxOrigin(rawValue: row["origin"]) ?? .file, takenAt: Instant(secondsSinceEpoch: row["takenAt"]),
            receivedAt: (row["receivedAt"] as Int64?).map(Instant.init(secondsSinceEpoch:)),
            receiptSource: row["receiptSource"], evidence: split(row["evidence"]), flags: split(row["flags"]),
            sha256: row["sha256"], size: row["size"], attachments: row["attachments"], duplicates: row["duplicates"],
            failure: row["failure"], caseID: (row["caseId"] as String?).flatMap(CaseID.init),
            settledAt: (row["settledAt"] as Int64?).map(Instant.init(secondsSinceEpoch:)),
            eventID: EventID(row["eventId"]), purged: row["purged"])
    }

    /// Lists are kept one entry a line (entries hold blanks: `source time host`).
    private static func joined(_ values: [String]) -> String { values.joined(separator: "\n") }

    private static func split(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }
}
