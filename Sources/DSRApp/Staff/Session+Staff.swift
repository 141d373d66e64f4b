import DSRCore
import DSRStore

extension Session {
    /// Every staff account, by login.
    public func staffAccounts() throws -> [StaffAccount] {
        try require(.listStaff)
        return try AppError.mapping { try tracker.store.accounts() }
    }

    /// Creates a staff account (or enables a disabled one again) with a role.
    @discardableResult
    public func addStaff(login: String, role: Role, displayName: String? = nil) throws -> StaffAccount {
        try LoginName.check(login)
        let name = try displayName.map {
            try PersonalTextRules.validated($0, field: .subject, what: "the display name")
        }
        return try change(.add(login: login, role: role, displayName: name))
    }

    /// Gives a staff account another role.
    @discardableResult
    public func changeRole(login: String, to role: Role) throws -> StaffAccount {
        try change(.changeRole(login: login, role: role))
    }

    /// Disables a staff account: it can no longer act; its record stays.
    @discardableResult
    public func disableStaff(login: String) throws -> StaffAccount {
        try change(.disable(login: login))
    }

    /// Records one staff change after `StaffRules` allowed it inside the write.
    private func change(_ change: StaffChange) throws -> StaffAccount {
        try require(.manageStaff)
        let access = self.access
        let changed = try AppError.mapping {
            try tracker.store.changeStaff([change], actor: actor, now: now) { accounts, change in
                try StaffRules.permit(change, by: access, accounts: accounts)
            }
        }
        tracker.store.logger.notice("staff account changed", metadata: ["change": "\(change.kindName)"])
        return changed[0]
    }
}

extension StaffChange {
    /// The kind of change, for the diagnostic log (no login names).
    var kindName: String {
        switch self {
        case .add: "add"
        case .changeRole: "role"
        case .disable: "disable"
        }
    }
}

/// Which staff changes are allowed: supervisors manage accounts, only the DPO grants,
/// changes or disables a DPO's account, the first account is one's own (so nobody locks
/// themselves out of single-user mode), and the last enabled DPO account stays one.
enum StaffRules {
    /// Refuses a change the acting user may not make, given the accounts as they stand.
    static func permit(_ change: StaffChange, by access: Access, accounts: [StaffAccount]) throws {
        let existing = accounts.first { $0.login == change.login }
        switch change {
        case .add(let login, let role, _):
            if let existing, existing.enabled {
                throw AppError(.badInput, "there is already a staff account '\(login)'; change its role instead")
            }
            if accounts.isEmpty, login != access.login || role != .dpo {
                throw AppError(
                    .badInput,
                    "the first staff account must be your own ('\(access.login)') with the role dpo, "
                        + "or you would lock yourself out")
            }
            if role == .dpo { try access.require(.grantDPO) }
        case .changeRole(let login, let role):
            guard let existing else { throw AppError(.notFound, "there is no staff account '\(login)'") }
            if role == .dpo || existing.role == .dpo { try access.require(.grantDPO) }
        case .disable(let login):
            guard let existing else { throw AppError(.notFound, "there is no staff account '\(login)'") }
            guard existing.enabled else {
                throw AppError(.badInput, "the staff account '\(login)' is already disabled")
            }
            if existing.role == .dpo { try access.require(.grantDPO) }
        }
        let dpoLeft = accounts.contains { account in
            account.login != change.login && account.enabled && account.role == .dpo
        }
        let changedStaysDPO: Bool =
            switch change {
            case .add(_, let role, _), .changeRole(_, let role): role == .dpo
            case .disable: false
            }
        let removesDPO = existing.map { $0.enabled && $0.role == .dpo } == true && !changedStaysDPO
        guard !removesDPO || dpoLeft else {
            throw AppError(.badInput, "the tracker must keep an enabled staff account with the role dpo")
        }
    }
}
