/// Every date and figure the tracker derives for one request: its legal deadline, when the
/// office must be done, and where it stands at a given moment.
public struct Schedule: Sendable, Equatable {
    /// Where a request stands at a moment.
    public enum Status: String, Sendable, CaseIterable {
        /// Not answered, deadline ahead, enough office hours left.
        case open
        /// Not answered, fewer office hours left than the policy's escalation threshold.
        case atRisk = "at-risk"
        /// Waiting for identity proof or a clarification; the clock is stopped.
        case paused
        /// Not answered and the deadline has passed.
        case overdue
        case answeredOnTime = "answered-on-time"
        case answeredLate = "answered-late"
    }

    /// Whether the deadline was extended, and if not, why not.
    public enum ExtensionState: String, Sendable {
        /// No extension was notified.
        case none
        /// Notified in time and with reasons: the extended deadline applies.
        case inEffect = "in-effect"
        /// Notified after the one-month deadline: recorded, non-compliant, no effect.
        case notifiedLate = "notified-late"
        /// Notified without reasons: recorded, non-compliant, no effect.
        case withoutReasons = "without-reasons"
        /// The kind has no statutory extension (civil claims).
        case notAvailable = "not-available"
    }

    /// When the request reached an official channel.
    public var received: Instant
    /// The day of the event from which the period runs (the receipt rule applied).
    public var receiptDate: CivilDate
    /// The first office-open instant at or after receipt.
    public var officeReceipt: Instant
    /// The last day of the period (after clock stops) before the working-day roll.
    public var periodEnd: CivilDate
    /// The deadline without extension (after clock stops and the working-day roll).
    public var deadline: CivilDate
    /// The last second of `deadline`, local time.
    public var deadlineEnd: Instant
    /// The deadline if extended by the maximum; nil where no extension exists.
    public var extendedDeadline: CivilDate?
    public var extensionState: ExtensionState
    /// The deadline in force: extended when the extension is in effect.
    public var dueDate: CivilDate
    public var dueEnd: Instant
    /// When the office closes for the last time on or before the deadline in force.
    public var internalDue: Instant
    /// Calendar days the clock was stopped (so far, while still waiting).
    public var pausedDays: Int
    /// Whether the controller is still waiting for the person.
    public var isPaused: Bool
    /// Where the request stands at the moment the schedule was evaluated.
    public var status: Status
    /// Office seconds from that moment until internal due (0 when past).
    public var officeSecondsLeft: Int64
    /// When receipt must be acknowledged (policy `acknowledgement`); nil once acknowledged,
    /// answered or closed, and for a request evaluated without its case.
    public var acknowledgementDue: Instant? = nil

    /// Office hours left until internal due.
    public var officeHoursLeft: Double { Double(officeSecondsLeft) / 3600 }
}
