import DSRCore
import DSRLedger
import Foundation
import PostgresNIO

/// The rows of the shared use cases (`LedgerStorage`) in PostgreSQL, inside one write
/// transaction of `PostgresStore` that holds the chain head's lock.
final class PostgresStorage: LedgerStorage {
    let link: PostgresLink
    private let chain: PostgresChainWriter

    init(link: PostgresLink, chain: PostgresChainWriter) {
        self.link = link
        self.chain = chain
    }

    func append(
        _ event: Event, to caseID: CaseID, personal: [PersonalField: String], occurredAt: Instant,
        recordedAt: Instant, actor: String
    ) throws -> EventRecord {
        try chain.append(
            event, to: caseID, personal: personal, occurredAt: occurredAt, recordedAt: recordedAt, actor: actor
        ).record
    }

    func finishChain() throws { try chain.finish() }

    func storePolicyIfMissing(_ policy: PolicyReference, at: Instant) throws {
        try link.query(
            """
            INSERT INTO policy (hash, source, text, stored_at)
            VALUES (\(policy.hash), \(policy.source), \(policy.text), \(at.secondsSinceEpoch))
            ON CONFLICT (hash) DO NOTHING
            """)
    }

    func policyText(hash: String) throws -> String? {
        try link.query("SELECT text FROM policy WHERE hash = \(hash)").first?.decode(String.self)
    }

    func highestCaseNumber(year: Int) throws -> Int {
        Int(
            try link.query("SELECT COALESCE(MAX(number), 0)::int8 FROM case_projection WHERE year = \(year)").first?
                .decode(Int64.self) ?? 0)
    }

    func events(of caseID: CaseID) throws -> [EventRecord] {
        try PostgresStore.events(of: caseID, in: link)
    }

    func saveProjection(_ summary: CaseSummary) throws {
        try ProjectionSQL.upsert(summary, in: link)
    }

    func eventsHolding(_ field: PersonalField, in caseID: CaseID) throws -> Set<Int64> {
        Set(
            try link.query(
                """
                SELECT vault.event_id FROM vault JOIN event ON event.id = vault.event_id
                WHERE event.case_id = \(caseID.rawValue) AND vault.field = \(field.rawValue)
                  AND vault.content IS NOT NULL
                """
            ).map { try $0.decode(Int64.self) })
    }

    /// Erases the case's texts (`PostgresChain.erase`): of `field` (nil: all), of events
    /// before `before` (nil: all).
    func erase(in caseID: CaseID, field: PersonalField?, before: EventID?) throws -> Int {
        let texts = try link.query(
            """
            SELECT event_id, field FROM vault
            WHERE content IS NOT NULL AND (\(field?.rawValue)::text IS NULL OR field = \(field?.rawValue))
              AND (\(before?.rawValue)::int8 IS NULL OR event_id < \(before?.rawValue))
              AND event_id IN (SELECT id FROM event WHERE case_id = \(caseID.rawValue))
            """
        ).map { try $0.decode((Int64, String).self) }
        try PostgresChain.erase(texts.map { (eventID: $0.0, field: $0.1) }, in: link)
        return texts.count
    }

    func accounts() throws -> [StaffAccount] {
        try PostgresStore.accounts(in: link)
    }

    func saveAccount(_ account: StaffAccount) throws {
        try PostgresStore.saveAccount(account, in: link)
    }

    func inboxItems(messageIDHash: String) throws -> [(id: Int, contentHash: String?)] {
        try link.query("SELECT id, content_hash FROM inbox_item WHERE message_id_hash = \(messageIDHash) ORDER BY id")
            .map {
                let (id, hash) = try $0.decode((Int64, String?).self)
                return (Int(id), hash)
            }
    }

    func countDuplicate(ofInboxItem id: Int) throws {
        try link.query("UPDATE inbox_item SET duplicates = duplicates + 1 WHERE id = \(id)")
    }

    func nextInboxID() throws -> Int {
        Int(try link.query("SELECT COALESCE(MAX(id), 0) + 1 FROM inbox_item").first?.decode(Int64.self) ?? 1)
    }

    func insertInboxItem(id: Int, _ item: NewInboxItem, flags: [String], eventID: EventID, now: Instant) throws {
        try link.query(
            """
            INSERT INTO inbox_item (id, state, origin, taken_at, received_at, receipt_source, evidence, flags,
                sha256, size, attachments, message_id_hash, content_hash, event_id)
            VALUES (\(id), 'new', \(item.origin.rawValue), \(now.secondsSinceEpoch), \(item.receivedAt?.secondsSinceEpoch),
                    \(item.receiptSource), \(InboxLines.joined(item.evidence)), \(InboxLines.joined(flags)),
                    \(item.sha256), \(item.size), \(item.attachments), \(item.messageIDHash), \(item.contentHash),
                    \(eventID.rawValue))
            """)
    }

    func inboxItem(_ id: Int) throws -> InboxItem? {
        try PostgresStore.inboxItem(id, in: link)
    }

    func markInboxItem(_ id: Int, madeCase caseID: CaseID, at: Instant) throws {
        try link.query(
            "UPDATE inbox_item SET state = 'case', case_id = \(caseID.rawValue), settled_at = \(at.secondsSinceEpoch) WHERE id = \(id)"
        )
    }

    func markInboxItem(_ id: Int, dismissedBy eventID: EventID, at: Instant) throws {
        try link.query(
            """
            UPDATE inbox_item SET state = 'dismissed', settled_at = \(at.secondsSinceEpoch),
                dismissed_event_id = \(eventID.rawValue) WHERE id = \(id)
            """)
    }
}
