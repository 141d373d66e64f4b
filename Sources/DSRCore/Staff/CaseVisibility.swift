/// Which cases a member of staff may see and work on: supervisors and the DPO every case, a
/// clerk the unassigned ones and their own.
public enum CaseVisibility: Sendable, Equatable {
    case every
    case unassignedOr(login: String)

    /// The visibility of a login with `role` (nil: single-user mode, which sees everything).
    public init(login: String, role: Role?) {
        self = role == .clerk ? .unassignedOr(login: login) : .every
    }

    /// Whether a case with this assignee is visible.
    public func permits(assignee: String?) -> Bool {
        switch self {
        case .every: true
        case .unassignedOr(let login): assignee == nil || assignee == login
        }
    }

    /// Refuses a case that is not visible.
    public func require(_ id: CaseID, assignee: String?) throws(DSRCoreError) {
        guard permits(assignee: assignee) else {
            throw .caseNotVisible(id)
        }
    }
}
