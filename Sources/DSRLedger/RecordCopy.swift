import DSRCore
import Foundation

/// One part of a whole record as `dsr migrate` and a PostgreSQL tracker's `dsr backup` copy it:
/// the rows verbatim, so the copy has the same events, hashes, head and (sealed) texts. Web
/// sessions and the sign-in log stay behind. A source hands the parts on in an order a
/// database with foreign keys can insert them.
package enum RecordPart: Sendable {
    case policy(hash: String, source: String, text: String, storedAt: Int64)
    case setting(key: String, value: String)
    /// Events in id order, with their vault texts, a page at a time.
    case events([CopiedEvent])
    case chainHead(lastEventID: Int64, hash: Data)
    /// Case projection rows, a page at a time.
    case projection([CaseSummary])
    case account(StaffAccount)
    case credential(CopiedCredential)
    case inboxItem(CopiedInboxItem)
    case apiToken(StoredAPIToken, tokenHash: String)
}

/// An event's stored columns and its vault texts as the vault keeps them.
package struct CopiedEvent: Sendable {
    package var id: Int64
    package var caseID: String
    package var kind: String
    package var payload: String
    package var occurredAt: Int64
    package var recordedAt: Int64
    package var actor: String
    package var prevHash: Data
    package var hash: Data
    package var texts: [CopiedText]

    package init(
        id: Int64, caseID: String, kind: String, payload: String, occurredAt: Int64, recordedAt: Int64, actor: String,
        prevHash: Data, hash: Data, texts: [CopiedText] = []
    ) {
        self.id = id
        self.caseID = caseID
        self.kind = kind
        self.payload = payload
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.actor = actor
        self.prevHash = prevHash
        self.hash = hash
        self.texts = texts
    }
}

/// A vault text: the key of its commitment and its content (plain, or sealed with the vault
/// key); both nil once erased.
package struct CopiedText: Sendable {
    package var field: String
    package var key: Data?
    package var content: Data?
    package var sealed: Bool

    package init(field: String, key: Data?, content: Data?, sealed: Bool) {
        self.field = field
        self.key = key
        self.content = content
        self.sealed = sealed
    }
}

/// A staff account's web credential with the columns `StoredCredential` leaves out.
package struct CopiedCredential: Sendable {
    package var credential: StoredCredential
    package var calendarTokenHash: String?
    package var totpLastStep: Int64?

    package init(credential: StoredCredential, calendarTokenHash: String?, totpLastStep: Int64?) {
        self.credential = credential
        self.calendarTokenHash = calendarTokenHash
        self.totpLastStep = totpLastStep
    }
}

/// An inbox item with the columns `InboxItem` leaves out.
package struct CopiedInboxItem: Sendable {
    package var item: InboxItem
    package var messageIDHash: String?
    package var contentHash: String?
    package var dismissedEventID: Int64?

    package init(item: InboxItem, messageIDHash: String?, contentHash: String?, dismissedEventID: Int64?) {
        self.item = item
        self.messageIDHash = messageIDHash
        self.contentHash = contentHash
        self.dismissedEventID = dismissedEventID
    }
}

/// A record that can be copied whole, to or from another backend.
package protocol RecordCopying {
    /// Calls `part` with every part of the record, all from one snapshot.
    func exportRecord(_ part: (RecordPart) throws -> Void) throws
    /// Writes every part `export` hands on into this database in one transaction; refuses
    /// unless the database holds no event yet.
    func importRecord(_ export: ((RecordPart) throws -> Void) throws -> Void) throws
}

/// How many events or projection rows a page of a copy holds.
package let recordCopyPageSize = 2_000
