import DSRCore
import DSRLedger

/// Who acts and what their staff account lets them do. Roles guard against mistakes and the
/// wrong person at a shared terminal, not against someone who can read or write the database
/// file (README, "Roles").
public struct Access: Sendable, Equatable {
    /// The login name recorded as the actor of each event.
    public let login: String
    /// The role of the login's account; nil in single-user mode (the database has no accounts).
    public let role: Role?

    /// The access of `login` given the staff accounts of the database: single-user mode when
    /// there are none; refused when the login has no enabled account.
    public init(login: String, accounts: [StaffAccount]) throws {
        self.login = login
        if accounts.isEmpty {
            role = nil
        } else if let account = accounts.first(where: { $0.login == login }), account.enabled {
            role = account.role
        } else {
            let state = accounts.contains { $0.login == login } ? "is disabled" : "does not exist"
            throw AppError(
                .notPermitted, "the staff account of this login \(state) in this database; ask a supervisor (dsr user)")
        }
    }

    /// The access of a login with a known role (nil: single-user mode).
    public init(login: String, role: Role?) {
        self.login = login
        self.role = role
    }

    /// Whether the database has no staff accounts, so whoever acts may do everything.
    public var isSingleUser: Bool { role == nil }

    /// Whether the role allows `action` (the table in `Action`).
    public func allows(_ action: Action) -> Bool {
        action.leastRole.refusal(of: action.phrase, held: role) == nil
    }

    /// Refuses unless the role allows `action`.
    public func require(_ action: Action) throws {
        if let refusal = action.leastRole.refusal(of: action.phrase, held: role) {
            throw AppError(.notPermitted, refusal)
        }
    }

    /// Which cases the user may see and work on.
    public var visibility: CaseVisibility { CaseVisibility(login: login, role: role) }
}
