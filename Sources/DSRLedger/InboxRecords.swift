import DSRCore

/// Where an inbox item stands.
public enum InboxState: String, Sendable, CaseIterable {
    /// Waits for a clerk: make it a case or dismiss it.
    case new
    /// A case was opened from it.
    case caseOpened = "case"
    /// Dismissed: no data-subject request.
    case dismissed
    /// The file could not be read as a message; kept aside where it was delivered.
    case unreadable
}

/// How a message reached the tracker.
public enum InboxOrigin: String, Sendable, CaseIterable {
    /// Watched Maildir (`dsr serve --maildir`) or `dsr intake` of a Maildir.
    case maildir
    /// `dsr intake` of an mbox file.
    case mbox
    /// `dsr intake` of a single message file.
    case file
    /// Uploaded as an `.eml` file in the web application.
    case upload
    /// `POST /api/v1/messages`.
    case api
}

/// A message to be taken into the inbox, as the application layer read it. Only its
/// `personal` texts hold personal data; they go to the vault.
public struct NewInboxItem: Sendable {
    public var origin: InboxOrigin
    /// SHA-256 (hex) of the message's bytes, and their number.
    public var sha256: String
    public var size: Int
    /// SHA-256 (hex) of the Message-ID, for finding duplicates without keeping the id in clear.
    public var messageIDHash: String?
    /// SHA-256 (hex) of what the message says (sender, recipients, subject, date, text,
    /// attachments), without its trace headers: the same mail delivered twice has the same.
    public var contentHash: String
    /// The chosen moment of receipt and its source key; nil when the message offers none.
    public var receivedAt: Instant?
    public var receiptSource: String?
    /// Every moment the message offers, as `source time [host]`, the chosen one first.
    public var evidence: [String]
    /// What a clerk should know (mail flags and doubts about the moment), as keys.
    public var flags: [String]
    public var attachments: Int
    /// Sender name (`subject`), address (`contact`), Message-ID (`reference`), subject line
    /// (`note`), the whole read message as JSON (`message`).
    public var personal: [PersonalField: String]

    public init(
        origin: InboxOrigin, sha256: String, size: Int, messageIDHash: String?, contentHash: String,
        receivedAt: Instant?, receiptSource: String?, evidence: [String], flags: [String], attachments: Int,
        personal: [PersonalField: String]
    ) {
        self.origin = origin
        self.sha256 = sha256
        self.size = size
        self.messageIDHash = messageIDHash
        self.contentHash = contentHash
        self.receivedAt = receivedAt
        self.receiptSource = receiptSource
        self.evidence = evidence
        self.flags = flags
        self.attachments = attachments
        self.personal = personal
    }
}

/// An inbox item as stored: no personal data (that is in the vault, under `eventID`).
public struct InboxItem: Sendable, Equatable {
    public var id: Int
    public var state: InboxState
    public var origin: InboxOrigin
    /// When the tracker took it in.
    public var takenAt: Instant
    public var receivedAt: Instant?
    public var receiptSource: String?
    public var evidence: [String]
    public var flags: [String]
    public var sha256: String
    public var size: Int
    public var attachments: Int
    /// How often the same message (same Message-ID, same content) arrived again.
    public var duplicates: Int
    /// Why an unreadable file could not be read.
    public var failure: String?
    /// The case opened from it.
    public var caseID: CaseID?
    /// When it was made a case or dismissed.
    public var settledAt: Instant?
    /// The `message-received` event whose vault texts are the item's personal data.
    public var eventID: EventID
    /// Whether its personal data was erased after the inbox retention.
    public var purged: Bool

    public init(
        id: Int, state: InboxState, origin: InboxOrigin, takenAt: Instant, receivedAt: Instant?,
        receiptSource: String?, evidence: [String], flags: [String], sha256: String, size: Int, attachments: Int,
        duplicates: Int, failure: String?, caseID: CaseID?, settledAt: Instant?, eventID: EventID, purged: Bool
    ) {
        self.id = id
        self.state = state
        self.origin = origin
        self.takenAt = takenAt
        self.receivedAt = receivedAt
        self.receiptSource = receiptSource
        self.evidence = evidence
        self.flags = flags
        self.sha256 = sha256
        self.size = size
        self.attachments = attachments
        self.duplicates = duplicates
        self.failure = failure
        self.caseID = caseID
        self.settledAt = settledAt
        self.eventID = eventID
        self.purged = purged
    }
}

/// What taking in a message did.
public enum InboxAddition: Sendable, Equatable {
    /// A new item.
    case added(InboxItem)
    /// The same message (Message-ID and content) is already item …; counted there.
    case duplicate(InboxItem)
}

/// Which inbox items a list shows.
public struct InboxFilter: Sendable, Equatable {
    /// Only these states; empty: all.
    public var states: [InboxState]
    public var limit: Int
    public var offset: Int

    public init(states: [InboxState] = [], limit: Int = 50, offset: Int = 0) {
        self.states = states
        self.limit = limit
        self.offset = offset
    }
}

/// The inbox: messages taken in but not yet cases, in the record. Each addition, dismissal
/// and purge is an event of the tracker in the chain; the item row is its projection.
public protocol InboxRecords: Sendable {
    /// Takes messages in, in one transaction: each as a new item (a `message-received` event
    /// with its personal data), or counted on the item that has the same Message-ID and
    /// content. A message whose Message-ID is known with other content is taken in and
    /// flagged `duplicate-message-id`.
    func addInboxItems(_ items: [NewInboxItem], actor: String, now: Instant) throws -> [InboxAddition]
    /// Records a file that could not be read as a message (no personal data).
    func addUnreadableItem(
        origin: InboxOrigin, sha256: String, size: Int, reason: String, actor: String, now: Instant
    ) throws -> InboxItem
    /// Items, newest first.
    func inboxItems(_ filter: InboxFilter) throws -> [InboxItem]
    /// How many items are in each state.
    func inboxCounts() throws -> [InboxState: Int]
    func inboxItem(_ id: Int) throws -> InboxItem?
    /// The item's personal data (those of `fields`) as the vault gives it back.
    func inboxPersonalData(of id: Int, fields: [PersonalField]) throws -> [PersonalField: VaultText]
    /// Opens a case from a new item in one transaction: the case's `received` event, its
    /// `receipt-evidence` event (with a clerk's `reason` for another moment, if any) and the
    /// item marked as made a case. Refused unless the item is new.
    func logCase(
        fromItem id: Int, _ newCase: NewCase, evidence: Event, reason: String?, policy: PolicyReference,
        engine: DeadlineEngine, actor: String, now: Instant
    ) throws -> Recorded
    /// Dismisses a new item with a reason (in the vault).
    func dismissInboxItem(_ id: Int, reason: String, actor: String, now: Instant) throws -> InboxItem
    /// The settled items (made a case or dismissed) settled before `cutoff` that still hold
    /// personal data, and how many vault texts they hold.
    func inboxPurgeCandidates(settledBefore cutoff: Instant) throws -> (items: Int, records: Int)
    /// Erases them (texts and keys), with one `inbox-purged` event; returns the counts.
    @discardableResult
    func purgeInbox(settledBefore cutoff: Instant, actor: String, now: Instant) throws -> (items: Int, records: Int)
}

/// How backends keep an inbox item's lists in one text column: one entry a line (entries hold
/// blanks: `source time host`).
package enum InboxLines {
    package static func joined(_ values: [String]) -> String { values.joined(separator: "\n") }

    package static func split(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }
}
