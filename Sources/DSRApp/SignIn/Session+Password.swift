import DSRCore

extension Session {
    /// Sets a staff account's password for the web application. Users set their own;
    /// supervisors set others' (a DPO's only the DPO). Ends the account's other sessions when
    /// someone else sets it. The chain records that it was set, never the password.
    public func setPassword(login: String, password: String) throws {
        try PasswordRules.check(password)
        let accounts = try AppError.mapping { try tracker.store.accounts() }
        guard let account = accounts.first(where: { $0.login == login }) else {
            throw AppError(.notFound, "there is no staff account '\(login)'")
        }
        if login != actor {
            try require(.manageStaff)
            if account.role == .dpo, access.role != nil, access.role != .dpo {
                throw AppError(.notPermitted, "only the data protection officer sets a DPO's password")
            }
        }
        let hash = PasswordRules.hash(password)
        try AppError.mapping {
            try tracker.store.setPassword(
                login: login, hash: hash, actor: actor, now: now, endingSessions: login != actor)
        }
        tracker.store.logger.notice("password set")
    }

    /// Changes the acting user's own password after checking the current one.
    public func changeOwnPassword(current: String, new: String) throws {
        let stored = try AppError.mapping { try tracker.store.credential(login: actor) }
        guard PasswordRules.verify(current, hash: stored?.passwordHash) else {
            throw AppError(.badInput, "the current password is wrong")
        }
        try setPassword(login: actor, password: new)
    }

    /// Sets the language the acting user reads the web pages in.
    public func setLanguage(_ language: Language) throws {
        try AppError.mapping { try tracker.store.setLanguage(login: actor, language: language.rawValue) }
    }
}
