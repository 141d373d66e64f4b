/// A piece of personal data that an event carries. Its text lives in the store's vault; the
/// event itself holds only an HMAC commitment to it, so erasing the text later leaves the hash
/// chain intact (DESIGN.md).
public enum PersonalField: String, CaseIterable, Sendable, Codable, Comparable {
    /// The data subject's name.
    case subject
    /// Address, e-mail address or social-media handle.
    case contact
    /// An outside reference (the person's letter, a message id).
    case reference
    /// Free text.
    case note
    /// Reasons given (for an extension, a dismissal, another moment of receipt).
    case reason
    /// A received message (inbox items): its shown headers, text and attachments, as JSON.
    case message

    public static func < (lhs: PersonalField, rhs: PersonalField) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One fact in the life of a case. Events are appended, never changed; the case's state is a
/// fold over them. Personal data is not part of an event (see `PersonalField`).
public enum Event: Sendable, Equatable {
    /// The request(s) came in. `policyHash` names the policy in force for this case.
    case received(kinds: [RequestKind], channel: Channel, claimantDue: CivilDate?, policyHash: String)
    /// Receipt was confirmed to the person.
    case acknowledged
    /// Proof of identity was asked for: the clock stops (Art. 12(6)).
    case identityRequested
    /// Identity was confirmed ("ID card checked", never a copy): the clock runs again.
    case identityConfirmed
    /// The person was asked to clarify or narrow the request: the clock stops.
    case clarificationRequested
    /// The clarification arrived: the clock runs again.
    case clarificationReceived
    /// The person was told that the deadline is extended (reasons in the vault).
    case extended(notifiedAt: Instant)
    /// Forwarded to a joint controller (Meta for Page Insights).
    case forwarded(to: String)
    /// The recipients of the data were told of a rectification, erasure or restriction (Art. 19).
    case recipientsNotified
    /// One request was answered.
    case answered(kind: RequestKind, outcome: Outcome, basis: String?)
    /// The person withdrew the request.
    case withdrawn
    /// The case was given to a member of staff.
    case assigned(to: String)
    /// The person's name or contact was corrected (Art. 16): the new values are in the vault,
    /// the old ones are erased; `replaces` keeps the commitment (HMAC) of each old value.
    case rectified(replaces: [PersonalField: String])
    /// A note was added (text in the vault).
    case noteAdded
    /// A letter or message to the person was produced from a template (`dsr letter`), sent
    /// by `route`; `sha256` (hex) of its text identifies the letter sent.
    case letterProduced(template: String, format: String, route: Channel, sha256: String)
    /// The person asked for the answer by another way than the channel they wrote through
    /// (the city's social-media concept offers e-mail and post); a new contact may come with it.
    case replyRouteSet(via: Channel)
    case closed
    case reopened
    /// The personal data of the case was erased after its retention period (LEGAL.md R6):
    /// `records` vault texts and their keys are gone; their commitments remain.
    case purged(records: Int)
    /// The tracker's own event: a backup was made; the SHA-256 (hex) of the backup file.
    case backedUp(sha256: String)
    /// The tracker's own event: personal data left it in an export (filed under
    /// `CaseID.tracker`).
    case exported(format: String, from: CivilDate, to: CivilDate)
    /// The tracker's own event: a recurring duty of the policy was done on one channel, with
    /// the public address of the post or notice if there is one.
    case dutyDone(duty: String, channel: String, link: String?)
    /// The case was opened from inbox item `item` (the message with SHA-256 `sha256`): its
    /// moment of receipt was taken from `source` (a receipt source key, `received-header` …);
    /// `evidence` lists every moment the message offered as `source time [host]`, `doubts`
    /// what speaks against the one taken. A clerk's reason for another moment is in the vault.
    case receiptEvidence(item: Int, sha256: String, source: String, evidence: [String], doubts: [String])
    /// The tracker's own event: a message was taken into the inbox as item `item`; `sha256`
    /// (hex) of its bytes and their `size`; `evidence` every moment of receipt it offers
    /// (`source time [host]`, the chosen one first) and `flags` what a clerk should know.
    /// Sender, Message-ID, subject line and the message itself are in the vault.
    case messageReceived(item: Int, sha256: String, size: Int, evidence: [String], flags: [String])
    /// The tracker's own event: a file delivered as a message could not be read (`reason`,
    /// one line without personal data); it was kept aside, item `item` shows it.
    case messageUnreadable(item: Int, sha256: String, size: Int, reason: String)
    /// The tracker's own event: inbox item `item` is no data-subject request (reason in the vault).
    case messageDismissed(item: Int)
    /// The tracker's own event: the personal data of `items` inbox items was erased after
    /// the policy's inbox retention (`records` vault texts and their keys).
    case inboxPurged(items: Int, records: Int)
    /// The tracker's own event: a staff account was created with a role.
    case staffAdded(login: String, role: Role)
    /// The tracker's own event: a staff account was given another role.
    case staffRoleChanged(login: String, role: Role)
    /// The tracker's own event: a staff account may no longer use the tracker.
    case staffDisabled(login: String)
    /// The tracker's own event: a staff account's password for the web application was set
    /// (never the password or its hash).
    case staffPasswordSet(login: String)

    /// The stable key of the event's kind, as stored and exported.
    public var kind: String {
        switch self {
        case .received: "received"
        case .acknowledged: "acknowledged"
        case .identityRequested: "identity-requested"
        case .identityConfirmed: "identity-confirmed"
        case .clarificationRequested: "clarification-requested"
        case .clarificationReceived: "clarification-received"
        case .extended: "extended"
        case .forwarded: "forwarded"
        case .recipientsNotified: "recipients-notified"
        case .answered: "answered"
        case .withdrawn: "withdrawn"
        case .assigned: "assigned"
        case .rectified: "rectified"
        case .noteAdded: "note-added"
        case .letterProduced: "letter-produced"
        case .replyRouteSet: "reply-route-set"
        case .closed: "closed"
        case .reopened: "reopened"
        case .purged: "purged"
        case .exported: "exported"
        case .backedUp: "backed-up"
        case .dutyDone: "duty-done"
        case .receiptEvidence: "receipt-evidence"
        case .messageReceived: "message-received"
        case .messageUnreadable: "message-unreadable"
        case .messageDismissed: "message-dismissed"
        case .inboxPurged: "inbox-purged"
        case .staffAdded: "staff-added"
        case .staffRoleChanged: "staff-role-changed"
        case .staffDisabled: "staff-disabled"
        case .staffPasswordSet: "staff-password-set"
        }
    }
}

/// An event as recorded: what happened, to which case, when (in the world and on the
/// machine's clock), by whom, and the commitments to its personal data.
public struct EventRecord: Sendable, Equatable {
    public var id: EventID
    public var caseID: CaseID
    public var event: Event
    /// HMAC-SHA-256 (hex) of each personal field's text, under a key of its own.
    public var commitments: [PersonalField: String]
    /// When it happened, as the clerk states it.
    public var occurredAt: Instant
    /// When it was recorded, by the machine's clock.
    public var recordedAt: Instant
    /// The login name of whoever recorded it.
    public var actor: String

    public init(
        id: EventID, caseID: CaseID, event: Event, commitments: [PersonalField: String] = [:],
        occurredAt: Instant, recordedAt: Instant, actor: String
    ) {
        self.id = id
        self.caseID = caseID
        self.event = event
        self.commitments = commitments
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.actor = actor
    }
}
