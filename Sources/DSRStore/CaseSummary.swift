import DSRCore
import Foundation
import GRDB

/// A case as the projection keeps it for fast queries: its facts and schedule as of its last
/// event, updated in the same transaction as each event.
public struct CaseSummary: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "caseProjection"

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

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let year = Column(CodingKeys.year)
        public static let number = Column(CodingKeys.number)
        public static let active = Column(CodingKeys.active)
        public static let internalDue = Column(CodingKeys.internalDue)
        public static let receivedAt = Column(CodingKeys.receivedAt)
        public static let channel = Column(CodingKeys.channel)
        public static let kinds = Column(CodingKeys.kinds)
        public static let assignee = Column(CodingKeys.assignee)
        public static let lifecycle = Column(CodingKeys.lifecycle)
    }

    /// The projection of a case's state and schedule.
    init(state: CaseState, schedule: Schedule) {
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
    }

    public var caseID: CaseID { CaseID(id)! }
    public var requestKinds: [RequestKind] { kinds.split(separator: ",").compactMap { RequestKind(rawValue: String($0)) } }

    /// Where the case stands at `now` (time moves overdue and at-risk without new events).
    public func status(at now: Instant, engine: DeadlineEngine) -> (CaseStatus, officeSecondsLeft: Int64) {
        let (scheduleStatus, left) = engine.status(
            dueEnd: Instant(secondsSinceEpoch: dueEnd), internalDue: Instant(secondsSinceEpoch: internalDue),
            isPaused: paused, answeredAt: answeredAt.map(Instant.init(secondsSinceEpoch:)), at: now)
        return (CaseStatus(lifecycle: CaseState.Lifecycle(rawValue: lifecycle) ?? .open, schedule: scheduleStatus), left)
    }
}
