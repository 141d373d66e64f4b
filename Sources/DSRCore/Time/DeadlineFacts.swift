/// A period during which the controller waited for the person: identity proof or a
/// clarification asked for (`requested`) and, once it arrived, `resumed` (LEGAL.md R3).
public struct ClockStop: Sendable, Equatable {
    public var requested: Instant
    /// When the information arrived; nil while the controller is still waiting.
    public var resumed: Instant?

    public init(requested: Instant, resumed: Instant? = nil) {
        self.requested = requested
        self.resumed = resumed
    }
}

/// That the person was told the deadline is extended (Art. 12(3) sentences 2–3).
public struct ExtensionNotice: Sendable, Equatable {
    public var notifiedAt: Instant
    /// Whether the notice gave reasons; without them the extension does not take effect.
    public var hasReasons: Bool

    public init(notifiedAt: Instant, hasReasons: Bool) {
        self.notifiedAt = notifiedAt
        self.hasReasons = hasReasons
    }
}

/// What is known about one request that bears on its deadline.
public struct DeadlineFacts: Sendable, Equatable {
    /// When the request reached one of the controller's official channels.
    public var received: Instant
    public var kind: RequestKind
    /// For civil claims: the date by which the claimant demands an answer.
    public var claimantDue: CivilDate?
    public var clockStops: [ClockStop]
    public var extensionNotice: ExtensionNotice?
    /// When the request was answered, if it was.
    public var answeredAt: Instant?

    public init(
        received: Instant, kind: RequestKind = .access, claimantDue: CivilDate? = nil,
        clockStops: [ClockStop] = [], extensionNotice: ExtensionNotice? = nil,
        answeredAt: Instant? = nil
    ) {
        self.received = received
        self.kind = kind
        self.claimantDue = claimantDue
        self.clockStops = clockStops
        self.extensionNotice = extensionNotice
        self.answeredAt = answeredAt
    }
}
