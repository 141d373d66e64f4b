import DSRCore
import DSRLedger

/// One case in a list, evaluated at a moment: its projection, its status, the office time
/// left, and whether it still owes an acknowledgement of receipt.
public struct CaseEntry: Sendable {
    public let summary: CaseSummary
    public let status: CaseStatus
    public let officeSecondsLeft: Int64
    /// When receipt must be acknowledged; nil once it was or when no answer is owed.
    public let acknowledgementDue: Instant?
    public let acknowledgement: AcknowledgementStatus?
    /// The engine of the case's policy (its zone and rules).
    public let engine: DeadlineEngine

    init(_ summary: CaseSummary, at now: Instant, engine: DeadlineEngine) {
        self.summary = summary
        self.engine = engine
        (status, officeSecondsLeft) = summary.status(at: now, engine: engine)
        acknowledgementDue = summary.acknowledgementDue(engine: engine)
        acknowledgement = AcknowledgementStatus(due: acknowledgementDue, at: now)
    }
}

/// Which cases a list shows (all filters optional).
public struct CaseQuery: Sendable {
    public var status: CaseStatus?
    public var kind: RequestKind?
    public var channel: Channel?
    public var assignee: String?
    /// Received at or after.
    public var receivedFrom: Instant?
    /// Received before.
    public var receivedTo: Instant?
    /// At most this many cases, after skipping `offset`.
    public var limit: Int?
    public var offset = 0

    public init() {}
}
