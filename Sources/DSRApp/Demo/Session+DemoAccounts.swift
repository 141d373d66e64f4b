import DSRCore

/// A demo account for the web application, with the password generated for it (shown once).
public struct DemoAccount: Sendable {
    public let login: String
    public let role: Role
    public let password: String
}

extension Session {
    /// The demo's web accounts: a clerk, a supervisor and a DPO, each with a random password,
    /// created at the demo's moment (default now). The acting user becomes the first account
    /// (a DPO), so the command line keeps working.
    public func addDemoAccounts(at moment: Instant? = nil) throws -> [DemoAccount] {
        try require(.logDemoCases)
        let owner = Session(tracker: tracker, access: access, now: moment ?? now)
        if try AppError.mapping({ try tracker.store.accounts() }).isEmpty {
            try owner.addStaff(login: actor, role: .dpo)
        }
        let accounts = [
            DemoAccount(login: "pressestelle1", role: .clerk, password: RandomToken.make(bytes: 12)),
            DemoAccount(login: "leitung", role: .supervisor, password: RandomToken.make(bytes: 12)),
            DemoAccount(login: "datenschutz", role: .dpo, password: RandomToken.make(bytes: 12)),
        ]
        let signedUp = try tracker.session(login: actor, now: owner.now)
        for account in accounts {
            try signedUp.addStaff(login: account.login, role: account.role)
            try signedUp.setPassword(login: account.login, password: account.password)
        }
        return accounts
    }
}
