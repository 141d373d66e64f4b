import DSRCore

/// A case as the projection keeps it for fast queries: its facts and schedule as of its last
/// event, updated in the same transaction as each event, whatever database holds it.
public struct CaseSummary: Sendable, Equatable {
    public var id: String
    public var year: Int
    public var number: Int
    public var channel: String
    /// The request kinds, comma-separated, in the order logged.
    public var kinds: String
    public var receivedAt: Int64
    public var receiptDate: String
    public var deadline: String
    public var extendedDeadline: String?
    /// The deadline in force (extended when the extension took effect).
    public var dueDate: String
    public var dueEnd: Int64
    public var internalDue: Int64
    public var lifecycle: String
    /// Open with unanswered requests: the cases the overdue view looks at.
    public var active: Bool
    public var paused: Bool
    public var `extension`: String
    public var assignee: String?
    public var answeredAt: Int64?
    public var closedAt: Int64?
    public var lastEventId: Int64
    public var lastEventAt: Int64
    public var policyHash: String
    /// When receipt was first acknowledged, if it was.
    public var acknowledgedAt: Int64?

    /// The columns of the projection, in this order: what `init(columns:)` reads and a
    /// backend stores.
    package static let columnNames = [
        "id", "year", "number", "channel", "kinds", "receivedAt", "receiptDate", "deadline", "extendedDeadline",
        "dueDate", "dueEnd", "internalDue", "lifecycle", "active", "paused", "extension", "assignee",
        "answeredAt", "closedAt", "lastEventId", "lastEventAt", "policyHash", "acknowledgedAt",
    ]

    /// Reads a stored row whose columns are in the order of `columnNames`.
    package init(columns row: some ProjectionColumns) {
        id = row.text(0)
        year = Int(row.integer(1))
        number = Int(row.integer(2))
        channel = row.text(3)
        kinds = row.text(4)
        receivedAt = row.integer(5)
        receiptDate = row.text(6)
        deadline = row.text(7)
        extendedDeadline = row.optionalText(8)
        dueDate = row.text(9)
        dueEnd = row.integer(10)
        internalDue = row.integer(11)
        lifecycle = row.text(12)
        active = row.integer(13) != 0
        paused = row.integer(14) != 0
        `extension` = row.text(15)
        assignee = row.optionalText(16)
        answeredAt = row.optionalInteger(17)
        closedAt = row.optionalInteger(18)
        lastEventId = row.integer(19)
        lastEventAt = row.integer(20)
        policyHash = row.text(21)
        acknowledgedAt = row.optionalInteger(22)
    }

    /// The projection of a case's state and schedule.
    public init(state: CaseState, schedule: Schedule) {
        id = state.id.rawValue
        let parts = state.id.rawValue.split(separator: "-")
        year = Int(parts[0]) ?? 0
        number = Int(parts[1]) ?? 0
        channel = state.channel.rawValue
        kinds = state.kinds.map(\.rawValue).joined(separator: ",")
        receivedAt = state.receivedAt.secondsSinceEpoch
        receiptDate = schedule.receiptDate.description
        deadline = schedule.deadline.description
        extendedDeadline = schedule.extendedDeadline?.description
        dueDate = schedule.dueDate.description
        dueEnd = schedule.dueEnd.secondsSinceEpoch
        internalDue = schedule.internalDue.secondsSinceEpoch
        lifecycle = state.lifecycle.rawValue
        active = state.isActive
        paused = schedule.isPaused
        `extension` = schedule.extensionState.rawValue
        assignee = state.assignee
        answeredAt = state.answeredAt?.secondsSinceEpoch
        closedAt = state.closedAt?.secondsSinceEpoch
        lastEventId = state.lastEventID.rawValue
        lastEventAt = state.lastEventAt.secondsSinceEpoch
        policyHash = state.policyHash
        acknowledgedAt = state.acknowledgedAt?.secondsSinceEpoch
    }

    public var caseID: CaseID { CaseID(id)! }
    public var requestKinds: [RequestKind] {
        kinds.split(separator: ",").compactMap { RequestKind(rawValue: String($0)) }
    }

    /// When receipt must still be acknowledged under `engine`'s policy; nil once it was, or
    /// when the case no longer owes an answer.
    public func acknowledgementDue(engine: DeadlineEngine) -> Instant? {
        guard active, acknowledgedAt == nil else { return nil }
        return engine.acknowledgementDue(receivedAt: Instant(secondsSinceEpoch: receivedAt))
    }

    /// Where the case stands at `now` (time moves overdue and at-risk without new events).
    public func status(at now: Instant, engine: DeadlineEngine) -> (CaseStatus, officeSecondsLeft: Int64) {
        let (scheduleStatus, left) = engine.status(
            dueEnd: Instant(secondsSinceEpoch: dueEnd), internalDue: Instant(secondsSinceEpoch: internalDue),
            isPaused: paused, answeredAt: answeredAt.map(Instant.init(secondsSinceEpoch:)), at: now)
        return (
            CaseStatus(lifecycle: CaseState.Lifecycle(rawValue: lifecycle) ?? .open, schedule: scheduleStatus), left
        )
    }
}

/// A stored row of the projection as a backend reads it, by column position.
package protocol ProjectionColumns {
    func text(_ column: Int) -> String
    func optionalText(_ column: Int) -> String?
    func integer(_ column: Int) -> Int64
    func optionalInteger(_ column: Int) -> Int64?
}
