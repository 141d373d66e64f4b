/// Where a case stands: a pure fold over its events, in the order they were recorded.
public struct CaseState: Sendable, Equatable {
    /// Whether the case is still being worked on.
    public enum Lifecycle: String, Sendable {
        case open, closed, withdrawn
    }

    /// How one request was answered.
    public struct Answer: Sendable, Equatable {
        public var outcome: Outcome
        public var basis: String?
        public var at: Instant
    }

    public let id: CaseID
    public let receivedAt: Instant
    public let channel: Channel
    public let kinds: [RequestKind]
    public let claimantDue: CivilDate?
    /// The hash of the policy in force when the case was logged.
    public let policyHash: String
    public private(set) var answers: [RequestKind: Answer] = [:]
    /// Identity and clarification requests, in order; open ones have no `resumed`.
    public private(set) var clockStops: [ClockStop] = []
    public private(set) var identityPendingSince: Instant?
    public private(set) var clarificationPendingSince: Instant?
    public private(set) var identityConfirmedAt: Instant?
    public private(set) var extensionNotice: ExtensionNotice?
    public private(set) var acknowledgedAt: Instant?
    public private(set) var forwardings: [(to: String, at: Instant)] = []
    public private(set) var recipientsNotifiedAt: Instant?
    public private(set) var assignee: String?
    /// The way the person asked to be answered, if not through the channel they wrote through.
    public private(set) var replyRoute: Channel?
    public private(set) var lifecycle: Lifecycle = .open
    public private(set) var closedAt: Instant?
    /// When the case's personal data was erased after its retention period.
    public private(set) var purgedAt: Instant?
    public private(set) var lastEventID: EventID
    public private(set) var lastEventAt: Instant

    /// Starts the fold from a case's first event, which must be `received`.
    public init?(first record: EventRecord) {
        guard case .received(let kinds, let channel, let claimantDue, let policyHash) = record.event else {
            return nil
        }
        id = record.caseID
        receivedAt = record.occurredAt
        self.channel = channel
        self.kinds = kinds
        self.claimantDue = claimantDue
        self.policyHash = policyHash
        lastEventID = record.id
        lastEventAt = record.occurredAt
    }

    /// Folds all events of a case (the first must be `received`).
    public init?(events: [EventRecord]) {
        guard let first = events.first, var state = CaseState(first: first) else { return nil }
        for record in events.dropFirst() { state.apply(record) }
        self = state
    }

    /// Applies one more event.
    public mutating func apply(_ record: EventRecord) {
        let at = record.occurredAt
        lastEventID = record.id
        lastEventAt = max(lastEventAt, at)
        switch record.event {
        case .received: break
        case .acknowledged: acknowledgedAt = acknowledgedAt ?? at
        case .identityRequested:
            identityPendingSince = at
            clockStops.append(ClockStop(requested: at))
        case .identityConfirmed:
            if let since = identityPendingSince { resume(requestedAt: since, at: at) }
            identityPendingSince = nil
            identityConfirmedAt = at
        case .clarificationRequested:
            clarificationPendingSince = at
            clockStops.append(ClockStop(requested: at))
        case .clarificationReceived:
            if let since = clarificationPendingSince { resume(requestedAt: since, at: at) }
            clarificationPendingSince = nil
        case .extended(let notifiedAt):
            extensionNotice = ExtensionNotice(
                notifiedAt: notifiedAt, hasReasons: record.commitments[.reason] != nil)
        case .forwarded(let to): forwardings.append((to, at))
        case .recipientsNotified: recipientsNotifiedAt = at
        case .answered(let kind, let outcome, let basis):
            answers[kind] = Answer(outcome: outcome, basis: basis, at: at)
        case .withdrawn:
            lifecycle = .withdrawn
            closedAt = at
        case .assigned(let to): assignee = to
        case .noteAdded, .rectified, .letterProduced: break
        case .replyRouteSet(let via): replyRoute = via
        case .closed:
            lifecycle = .closed
            closedAt = at
        case .reopened:
            lifecycle = .open
            closedAt = nil
        case .purged: purgedAt = at
        case .receiptEvidence: break  // evidence of the moment of receipt, already that of `received`
        case .exported, .backedUp, .dutyDone, .staffAdded, .staffRoleChanged, .staffDisabled,
            .staffPasswordSet, .messageReceived, .messageUnreadable, .messageDismissed, .inboxPurged:
            break  // the tracker's own events, never part of a case
        }
    }

    private mutating func resume(requestedAt: Instant, at: Instant) {
        if let index = clockStops.lastIndex(where: { $0.requested == requestedAt && $0.resumed == nil }) {
            clockStops[index].resumed = at
        }
    }

    /// The requests not answered yet.
    public var unansweredKinds: [RequestKind] { kinds.filter { answers[$0] == nil } }

    /// When the last request was answered, if all are.
    public var answeredAt: Instant? {
        guard unansweredKinds.isEmpty else { return nil }
        return answers.values.map(\.at).max()
    }

    /// Whether the case still owes the person an answer (open, with unanswered requests).
    public var isActive: Bool { lifecycle == .open && !unansweredKinds.isEmpty }

    /// Requests refused in whole or part without a legal basis on record (Art. 12(4), (5):
    /// the controller must give reasons and bears the burden of proof).
    public var refusalsWithoutBasis: [RequestKind] {
        kinds.filter { kind in
            guard let answer = answers[kind] else { return false }
            return answer.outcome.needsReasons && (answer.basis?.isEmpty ?? true)
        }
    }

    /// The deadline facts of the case: one set per request kind that has its own rule (the
    /// GDPR rights share one clock; a civil claim has the claimant's date).
    public func deadlineFacts() -> [DeadlineFacts] {
        var seen: Set<Bool> = []
        return kinds.compactMap { kind in
            guard seen.insert(kind.isCivilClaim).inserted else { return nil }
            return DeadlineFacts(
                received: receivedAt, kind: kind, claimantDue: kind.isCivilClaim ? claimantDue : nil,
                clockStops: clockStops, extensionNotice: kind.isCivilClaim ? nil : extensionNotice,
                answeredAt: answeredAt)
        }
    }

    public static func == (lhs: CaseState, rhs: CaseState) -> Bool {
        lhs.id == rhs.id && lhs.lastEventID == rhs.lastEventID
    }
}
