/// A change to a staff account, as a member of staff asks for it.
public enum StaffChange: Sendable, Equatable {
    case add(login: String, role: Role, displayName: String?)
    case changeRole(login: String, role: Role)
    case disable(login: String)

    /// The login the change is about.
    public var login: String {
        switch self {
        case .add(let login, _, _), .changeRole(let login, _), .disable(let login): login
        }
    }

    /// The event of the tracker that records it.
    public var event: Event {
        switch self {
        case .add(let login, let role, _): .staffAdded(login: login, role: role)
        case .changeRole(let login, let role): .staffRoleChanged(login: login, role: role)
        case .disable(let login): .staffDisabled(login: login)
        }
    }

    /// The account as it is after the change (`existing`: as it was, if there was one).
    public func applied(to existing: StaffAccount?, at now: Instant, by event: EventID) -> StaffAccount {
        var account = existing ?? StaffAccount(login: login, role: .clerk, createdAt: now, lastEventID: event)
        switch self {
        case .add(_, let role, let displayName):
            account.role = role
            account.displayName = displayName
            account.enabled = true
        case .changeRole(_, let role): account.role = role
        case .disable: account.enabled = false
        }
        account.lastEventID = event
        return account
    }
}

/// Which staff changes are allowed: supervisors manage accounts (checked by the caller's
/// role table), only the DPO grants, changes or disables a DPO's account, the first account is
/// one's own as DPO (so nobody locks themselves out of single-user mode), and the last enabled
/// DPO account stays one.
public enum StaffRules {
    /// The phrase refusals name for changes to a DPO's account.
    public static let dpoAction = "granting, changing or disabling a data protection officer's account"

    /// Refuses a change that `actor` (with `role`; nil in single-user mode) may not make,
    /// given the accounts as they stand.
    public static func permit(
        _ change: StaffChange, by actor: String, role: Role?, accounts: [StaffAccount]
    ) throws(DSRCoreError) {
        let existing = accounts.first { $0.login == change.login }
        func requireDPO() throws(DSRCoreError) {
            if let refusal = Role.dpo.refusal(of: dpoAction, held: role) { throw .notPermitted(refusal) }
        }
        switch change {
        case .add(let login, let role, _):
            try LoginName.check(login)
            if let existing, existing.enabled {
                throw .stepRefused("there is already a staff account '\(login)'; change its role instead")
            }
            if accounts.isEmpty, login != actor || role != .dpo {
                throw .stepRefused(
                    "the first staff account must be your own ('\(actor)') with the role dpo, or you would lock yourself out"
                )
            }
            if role == .dpo { try requireDPO() }
        case .changeRole(let login, let role):
            guard let existing else { throw .notFound("there is no staff account '\(login)'") }
            if role == .dpo || existing.role == .dpo { try requireDPO() }
        case .disable(let login):
            guard let existing else { throw .notFound("there is no staff account '\(login)'") }
            guard existing.enabled else { throw .stepRefused("the staff account '\(login)' is already disabled") }
            if existing.role == .dpo { try requireDPO() }
        }
        let dpoLeft = accounts.contains { $0.login != change.login && $0.enabled && $0.role == .dpo }
        let staysDPO: Bool =
            switch change {
            case .add(_, let role, _), .changeRole(_, let role): role == .dpo
            case .disable: false
            }
        let removesDPO = existing.map { $0.enabled && $0.role == .dpo } == true && !staysDPO
        guard !removesDPO || dpoLeft else {
            throw .stepRefused("the tracker must keep an enabled staff account with the role dpo")
        }
    }
}
