import DSRCore

extension Session {
    /// Every staff account, by login.
    public func staffAccounts() throws -> [StaffAccount] {
        try require(.listStaff)
        return try AppError.mapping { try tracker.store.accounts() }
    }

    /// Creates a staff account (or enables a disabled one again) with a role.
    @discardableResult
    public func addStaff(login: String, role: Role, displayName: String? = nil) throws -> StaffAccount {
        try require(.manageStaff)
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

    /// Records one staff change, checked by `StaffRules` inside the write.
    private func change(_ change: StaffChange) throws -> StaffAccount {
        try require(.manageStaff)
        let changed = try AppError.mapping {
            try tracker.store.changeStaff([change], actor: actor, role: access.role, now: now)
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
