import DSRCore

/// A demo account for the web application, with the password generated for it (shown once).
public struct DemoAccount: Sendable {
    public let login: String
    public let role: Role
    public let password: String
}

extension Session {
    /// The demo's web accounts: a clerk, a supervisor and a DPO, each with a random password.
    /// The acting user becomes the first account (a DPO), so the command line keeps working.
    public func addDemoAccounts() throws -> [DemoAccount] {
        try require(.logDemoCases)
        if try AppError.mapping({ try tracker.store.accounts() }).isEmpty {
            try addStaff(login: actor, role: .dpo)
        }
        let accounts = [
            DemoAccount(login: "pressestelle1", role: .clerk, password: RandomToken.make(bytes: 12)),
            DemoAccount(login: "leitung", role: .supervisor, password: RandomToken.make(bytes: 12)),
            DemoAccount(login: "datenschutz", role: .dpo, password: RandomToken.make(bytes: 12)),
        ]
        let owner = try tracker.session(login: actor, now: now)
        for account in accounts {
            try owner.addStaff(login: account.login, role: account.role)
            try owner.setPassword(login: account.login, password: account.password)
        }
        return accounts
    }
}
