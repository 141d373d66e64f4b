import DSRCore
import Foundation
import GRDB

/// A case as the projection keeps it for fast queries: its facts and schedule as of its last
/// event, updated in the same transaction as each event.
public struct CaseSummary: FetchableRecord, TableRecord, Sendable, Equatable {
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
    /// When receipt was first acknowledged, if it was.
    public var acknowledgedAt: Int64?

    public enum Columns {
        public static let id = Column("id")
        public static let year = Column("year")
        public static let number = Column("number")
        public static let active = Column("active")
        public static let internalDue = Column("internalDue")
        public static let receivedAt = Column("receivedAt")
        public static let channel = Column("channel")
        public static let kinds = Column("kinds")
        public static let assignee = Column("assignee")
        public static let lifecycle = Column("lifecycle")
    }

    /// Reads a row by column position (much faster than `Decodable` for the overdue view's
    /// thousands of rows); the columns are in the order of the migration.
    public init(row: Row) throws {
        id = row[0]
        year = row[1]
        number = row[2]
        channel = row[3]
        kinds = row[4]
        receivedAt = row[5]
        receiptDate = row[6]
        deadline = row[7]
        extendedDeadline = row[8]
        dueDate = row[9]
        dueEnd = row[10]
        internalDue = row[11]
        lifecycle = row[12]
        active = row[13]
        paused = row[14]
        `extension` = row[15]
        assignee = row[16]
        answeredAt = row[17]
        closedAt = row[18]
        lastEventId = row[19]
        lastEventAt = row[20]
        policyHash = row[21]
        acknowledgedAt = row[22]
    }

    /// Selects the columns in the order `init(row:)` reads them, whatever the table's order.
    public static var databaseSelection: [any SQLSelectable] {
        [
            "id", "year", "number", "channel", "kinds", "receivedAt", "receiptDate", "deadline", "extendedDeadline",
            "dueDate", "dueEnd", "internalDue", "lifecycle", "active", "paused", "extension", "assignee",
            "answeredAt", "closedAt", "lastEventId", "lastEventAt", "policyHash", "acknowledgedAt",
        ].map { Column($0) }
    }

    /// Inserts or replaces the row, with a cached statement (no `Encodable` round trip).
    func upsert(_ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO caseProjection (
                    id, year, number, channel, kinds, receivedAt, receiptDate, deadline, extendedDeadline,
                    dueDate, dueEnd, internalDue, lifecycle, active, paused, extension, assignee,
                    answeredAt, closedAt, lastEventId, lastEventAt, policyHash, acknowledgedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            id, year, number, channel, kinds, receivedAt, receiptDate, deadline, extendedDeadline,
            dueDate, dueEnd, internalDue, lifecycle, active, paused, `extension`, assignee,
            answeredAt, closedAt, lastEventId, lastEventAt, policyHash, acknowledgedAt,
        ])
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
