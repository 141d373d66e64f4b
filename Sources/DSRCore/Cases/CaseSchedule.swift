extension DeadlineEngine {
    /// The schedule of a case: of its requests' deadlines, the one that falls first (a civil
    /// claim's date can come before the GDPR month).
    public func schedule(for state: CaseState, at now: Instant) throws -> Schedule {
        var earliest: Schedule?
        for facts in state.deadlineFacts() {
            let schedule = try schedule(facts, at: now)
            if earliest.map({ schedule.dueEnd < $0.dueEnd }) ?? true { earliest = schedule }
        }
        guard var earliest else { throw DSRCoreError.corruptRecord("case \(state.id) has no requests") }
        if state.isActive, state.acknowledgedAt == nil {
            earliest.acknowledgementDue = acknowledgementDue(receivedAt: state.receivedAt)
        }
        return earliest
    }
}

/// Where a case stands for the people who work on it: closed or withdrawn, else its
/// schedule's status.
public enum CaseStatus: String, Sendable, CaseIterable {
    case open
    case atRisk = "at-risk"
    case paused
    case overdue
    case answeredOnTime = "answered-on-time"
    case answeredLate = "answered-late"
    case closed
    case withdrawn

    public init(lifecycle: CaseState.Lifecycle, schedule: Schedule.Status) {
        switch lifecycle {
        case .closed: self = .closed
        case .withdrawn: self = .withdrawn
        case .open: self = CaseStatus(rawValue: schedule.rawValue)!
        }
    }

    public var germanName: String {
        switch self {
        case .open: "offen"
        case .atRisk: "gefährdet"
        case .paused: "angehalten"
        case .overdue: "überfällig"
        case .answeredOnTime: "fristgerecht beantwortet"
        case .answeredLate: "verspätet beantwortet"
        case .closed: "abgeschlossen"
        case .withdrawn: "zurückgezogen"
        }
    }

    public var englishName: String {
        switch self {
        case .open: "open"
        case .atRisk: "at risk"
        case .paused: "paused"
        case .overdue: "overdue"
        case .answeredOnTime: "answered on time"
        case .answeredLate: "answered late"
        case .closed: "closed"
        case .withdrawn: "withdrawn"
        }
    }
}
