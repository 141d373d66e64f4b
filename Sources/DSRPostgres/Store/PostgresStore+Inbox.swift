import DSRCore
import DSRLedger
import Foundation
import PostgresNIO

extension PostgresStore: InboxRecords {
    public func addInboxItems(_ items: [NewInboxItem], actor: String, now: Instant) throws -> [InboxAddition] {
        try writeBatch { batch, _ in try items.map { try batch.addInboxItem($0, actor: actor, now: now) } }
    }

    public func addUnreadableItem(
        origin: InboxOrigin, sha256: String, size: Int, reason: String, actor: String, now: Instant
    ) throws -> InboxItem {
        try writeBatch { batch, link in
            let id = try batch.storage.nextInboxID()
            let record = try batch.appendTrackerEvent(
                .messageUnreadable(item: id, sha256: sha256, size: size, reason: reason), at: now, actor: actor,
                now: now)
            try link.query(
                """
                INSERT INTO inbox_item (id, state, origin, taken_at, evidence, flags, sha256, size, attachments,
                    failure, event_id, settled_at, purged)
                VALUES (\(id), 'unreadable', \(origin.rawValue), \(now.secondsSinceEpoch), '', '', \(sha256), \(size), 0,
                        \(reason), \(record.id.rawValue), \(now.secondsSinceEpoch), true)
                """)
            return try batch.inboxItem(id)
        }
    }

    public func inboxItems(_ filter: InboxFilter) throws -> [InboxItem] {
        let states = filter.states.map(\.rawValue)
        return try links.with { link in
            try link.query(
                """
                SELECT \(unescaped: Self.itemColumns) FROM inbox_item
                WHERE \(states.isEmpty) OR state = ANY(\(states))
                ORDER BY id DESC LIMIT \(filter.limit) OFFSET \(filter.offset)
                """
            ).map(Self.inboxItem(row:))
        }
    }

    public func inboxCounts() throws -> [InboxState: Int] {
        try links.with { link in
            var counts: [InboxState: Int] = [:]
            for row in try link.query("SELECT state, count(*) FROM inbox_item GROUP BY state") {
                let (state, count) = try row.decode((String, Int64).self)
                if let state = InboxState(rawValue: state) { counts[state] = Int(count) }
            }
            return counts
        }
    }

    public func inboxItem(_ id: Int) throws -> InboxItem? {
        try links.with { try Self.inboxItem(id, in: $0) }
    }

    public func inboxPersonalData(of id: Int, fields: [PersonalField]) throws -> [PersonalField: VaultText] {
        let names = fields.map(\.rawValue)
        let chain = PostgresChain(vault: vault)
        return try links.with { link in
            var result: [PersonalField: VaultText] = [:]
            for row in try link.query(
                """
                SELECT vault.event_id, vault.field, vault.content, vault.sealed, vault_key.data_key FROM vault
                JOIN inbox_item ON inbox_item.event_id = vault.event_id
                LEFT JOIN vault_key ON vault_key.event_id = vault.event_id AND vault_key.field = vault.field
                WHERE inbox_item.id = \(id) AND vault.field = ANY(\(names))
                """)
            {
                let (eventID, name, box, sealed, dataKey) = try row.decode((Int64, String, Data?, Bool, Data?).self)
                guard let field = PersonalField(rawValue: name) else { continue }
                result[field] = try chain.text(
                    box: box, sealed: sealed, dataKey: dataKey, eventID: eventID, field: name)
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
        try read { link in
            let items =
                try link.query(
                    "SELECT count(*) FROM inbox_item WHERE NOT purged AND settled_at < \(cutoff.secondsSinceEpoch)"
                ).first?.decode(Int64.self) ?? 0
            let records =
                try link.query(
                    """
                    SELECT count(*) FROM vault WHERE content IS NOT NULL
                      AND event_id IN (\(unescaped: Self.purgeable(cutoff)))
                    """
                ).first?.decode(Int64.self) ?? 0
            return (Int(items), Int(records))
        }
    }

    @discardableResult
    public func purgeInbox(settledBefore cutoff: Instant, actor: String, now: Instant) throws -> (
        items: Int, records: Int
    ) {
        let counts = try writeBatch { batch, link -> (items: Int, records: Int) in
            let erased = try link.query(
                """
                SELECT event_id, field FROM vault
                WHERE content IS NOT NULL AND event_id IN (\(unescaped: Self.purgeable(cutoff)))
                """
            ).map { try $0.decode((Int64, String).self) }
            try PostgresChain.erase(erased.map { (eventID: $0.0, field: $0.1) }, in: link)
            let items = try link.query(
                """
                UPDATE inbox_item SET purged = true WHERE NOT purged AND settled_at < \(cutoff.secondsSinceEpoch)
                RETURNING id
                """
            ).count
            guard items > 0 else { return (0, 0) }
            logger.info("purged inbox items", metadata: ["items": "\(items)", "records": "\(erased.count)"])
            try batch.appendTrackerEvent(
                .inboxPurged(items: items, records: erased.count), at: now, actor: actor, now: now)
            return (items, erased.count)
        }
        if counts.items > 0 { vacuumVault() }
        return counts
    }

    /// The events whose vault texts belong to settled items not yet purged: each item's
    /// `message-received` and, if dismissed, its `message-dismissed` (the cutoff is a number).
    private static func purgeable(_ cutoff: Instant) -> String {
        let seconds = cutoff.secondsSinceEpoch
        return """
            SELECT event_id FROM inbox_item WHERE NOT purged AND settled_at < \(seconds)
            UNION SELECT dismissed_event_id FROM inbox_item
            WHERE NOT purged AND settled_at < \(seconds) AND dismissed_event_id IS NOT NULL
            """
    }

    static let itemColumns = """
        id, state, origin, taken_at, received_at, receipt_source, evidence, flags, sha256, size, attachments,
        duplicates, failure, case_id, settled_at, event_id, purged
        """

    static func inboxItem(_ id: Int, in link: PostgresLink) throws -> InboxItem? {
        try link.query("SELECT \(unescaped: itemColumns) FROM inbox_item WHERE id = \(id)").first.map(inboxItem(row:))
    }

    /// An item from a row whose first columns are `itemColumns`.
    static func inboxItem(row: PostgresRow) throws -> InboxItem {
        let cells = row.makeRandomAccess()
        let (id, state, origin, takenAt, receivedAt, receiptSource, evidence, flags) = try (
            cells[0].decode(Int64.self), cells[1].decode(String.self), cells[2].decode(String.self),
            cells[3].decode(Int64.self), cells[4].decode(Int64?.self), cells[5].decode(String?.self),
            cells[6].decode(String.self), cells[7].decode(String.self)
        )
        let (sha256, size, attachments, duplicates, failure, caseID, settledAt, eventID, purged) = try (
            cells[8].decode(String.self), cells[9].decode(Int64.self), cells[10].decode(Int.self),
            cells[11].decode(Int.self), cells[12].decode(String?.self), cells[13].decode(String?.self),
            cells[14].decode(Int64?.self), cells[15].decode(Int64.self), cells[16].decode(Bool.self)
        )
        return InboxItem(
            id: Int(id), state: InboxState(rawValue: state) ?? .new, origin: InboxOrigin(rawValue: origin) ?? .file,
            takenAt: Instant(secondsSinceEpoch: takenAt), receivedAt: receivedAt.map(Instant.init(secondsSinceEpoch:)),
            receiptSource: receiptSource, evidence: InboxLines.split(evidence), flags: InboxLines.split(flags),
            sha256: sha256, size: Int(size), attachments: attachments, duplicates: duplicates, failure: failure,
            caseID: caseID.flatMap(CaseID.init), settledAt: settledAt.map(Instant.init(secondsSinceEpoch:)),
            eventID: EventID(eventID), purged: purged)
    }
}
