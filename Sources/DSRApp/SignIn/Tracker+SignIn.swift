import DSRCore
import DSRLedger
import Foundation

/// A browser's proof of sign-in: the session id for its cookie (kept nowhere else; the
/// database holds its hash).
public struct WebTicket: Sendable {
    public let token: String
}

/// What a sign-in attempt got.
public enum SignInResult: Sendable {
    case signedIn(WebTicket)
    /// Wrong login or password, or an account that is disabled or has no password: one answer for all.
    case refused
    /// Too many failed attempts for this login: refused until the moment, whatever the password.
    case locked(until: Instant)
}

/// A request's signed-in user: the session of their account and the form token of their pages.
public struct SignedIn: Sendable {
    public let session: Session
    public let csrfToken: String
    public let language: Language
    /// Whether the account signs in with a one-time code as well.
    public let secondFactor: Bool
    /// The record's version when the request began (the newest event's id).
    public let recordVersion: Int64
}

extension Tracker {
    /// Checks a login and password (and the one-time code, for an account with a second
    /// factor) and starts a web session. bcrypt runs whether or not the login exists; a
    /// locked login answers `locked` even with the right password. Every attempt goes into
    /// the sign-in log, which keeps 90 days.
    public func signIn(login: String, password: String, code: String? = nil, now: Instant) throws -> SignInResult {
        let key = Self.signInKey(login)
        let accounts = try AppError.mapping { try store.accounts() }
        let account = accounts.first { $0.login == login && $0.enabled }
        let keepSince = Instant(secondsSinceEpoch: now.secondsSinceEpoch - SignInLimits.logRetentionSeconds)
        if let until = try lockedUntil(key: key, now: now) {
            _ = PasswordRules.verify(password, hash: nil)
            try log(key, account?.login, .throttled, now, keepSince)
            return .locked(until: until)
        }
        let stored = try account.flatMap { account in
            try AppError.mapping { try store.credential(login: account.login) }
        }
        let codeStep = stored.flatMap { OneTimeCode.step(of: code ?? "", secret: $0.totpSecret ?? "", at: now) }
        let secondFactorHolds = stored.map { !$0.totpEnabled || codeStep != nil } ?? false
        guard PasswordRules.verify(password, hash: stored?.passwordHash), secondFactorHolds, let account else {
            try log(key, account?.login, .failed, now, keepSince)
            return .refused
        }
        // A one-time code signs in once: a code seen on the way (over a shoulder, in a proxy) is spent.
        if stored?.totpEnabled == true, let codeStep,
            !(try AppError.mapping { try store.useOneTimeCodeStep(login: account.login, step: codeStep) })
        {
            try log(key, account.login, .failed, now, keepSince)
            return .refused
        }
        try log(key, account.login, .succeeded, now, keepSince)
        return .signedIn(try startWebSession(for: account.login, now: now))
    }

    /// Starts a web session for a login that a trusted reverse proxy authenticated (single
    /// sign-on); nil unless the login has an enabled account. Logged like any sign-in.
    public func signIn(trustedLogin login: String, now: Instant) throws -> WebTicket? {
        let accounts = try AppError.mapping { try store.accounts() }
        guard accounts.contains(where: { $0.login == login && $0.enabled }) else { return nil }
        try log(
            Self.signInKey(login), login, .succeeded, now,
            Instant(secondsSinceEpoch: now.secondsSinceEpoch - SignInLimits.logRetentionSeconds))
        return try startWebSession(for: login, now: now)
    }

    /// A new session for an account (stale ones are ended first); its id goes to the cookie.
    private func startWebSession(for login: String, now: Instant) throws -> WebTicket {
        let token = RandomToken.make()
        try AppError.mapping {
            try store.endStaleWebSessions(
                createdBefore: Instant(secondsSinceEpoch: now.secondsSinceEpoch - SignInLimits.lifetimeSeconds),
                idleSince: Instant(secondsSinceEpoch: now.secondsSinceEpoch - SignInLimits.idleSeconds))
            try store.startWebSession(
                StoredWebSession(
                    tokenHash: Chain.sha256Hex(token), login: login, csrfToken: RandomToken.make(),
                    createdAt: now, lastSeenAt: now))
        }
        store.logger.notice("signed in")
        return WebTicket(token: token)
    }

    /// The signed-in user of a session id, if the session is still open at `now` and its
    /// account enabled; an expired session is ended on the server. One read of the database.
    public func signedIn(token: String, now: Instant) throws -> SignedIn? {
        let hash = Chain.sha256Hex(token)
        guard let state = try AppError.mapping({ try store.webSessionState(tokenHash: hash) }) else { return nil }
        let stored = state.session
        let seconds = now.secondsSinceEpoch
        guard seconds - stored.createdAt.secondsSinceEpoch < SignInLimits.lifetimeSeconds,
            seconds - stored.lastSeenAt.secondsSinceEpoch < SignInLimits.idleSeconds
        else {
            try AppError.mapping { try store.endWebSession(tokenHash: hash) }
            return nil
        }
        guard let session = try? self.session(login: stored.login, accounts: state.accounts, now: now),
            session.access.role != nil
        else { return nil }
        if seconds - stored.lastSeenAt.secondsSinceEpoch >= SignInLimits.touchIntervalSeconds {
            try AppError.mapping { try store.touchWebSession(tokenHash: hash, at: now) }
        }
        let credential = state.credential
        return SignedIn(
            session: session, csrfToken: stored.csrfToken,
            language: credential.flatMap { Language(rawValue: $0.language) } ?? .de,
            secondFactor: credential?.totpEnabled ?? false, recordVersion: state.recordVersion)
    }

    /// Ends a web session on the server (sign-out).
    public func signOut(token: String, now: Instant) throws {
        let hash = Chain.sha256Hex(token)
        let login = try AppError.mapping { try store.webSession(tokenHash: hash) }?.login
        try AppError.mapping {
            try store.endWebSession(tokenHash: hash)
            if let login {
                try store.logSignIn(
                    loginKey: Self.signInKey(login), account: login, outcome: .signedOut, at: now,
                    keepingSince: Instant(
                        secondsSinceEpoch: now.secondsSinceEpoch - SignInLimits.logRetentionSeconds))
            }
        }
    }

    /// Until when a login is locked by failed attempts, if it is now: five failures within 15
    /// minutes lock it for 15 minutes after the fifth.
    func lockedUntil(key: String, now: Instant) throws -> Instant? {
        let lookBack = SignInLimits.failureWindowSeconds + SignInLimits.lockSeconds
        let failures = try AppError.mapping {
            try store.failedSignIns(loginKey: key, since: Instant(secondsSinceEpoch: now.secondsSinceEpoch - lookBack))
        }.map(\.secondsSinceEpoch)
        let window = SignInLimits.failuresBeforeLock
        var until: Int64?
        for last in failures.indices.dropFirst(window - 1)
        where failures[last] - failures[last - window + 1] <= SignInLimits.failureWindowSeconds {
            until = failures[last] + SignInLimits.lockSeconds
        }
        return until.flatMap { $0 > now.secondsSinceEpoch ? Instant(secondsSinceEpoch: $0) : nil }
    }

    /// The sign-in log's key for a login as typed: its SHA-256, so an unknown login is not stored.
    static func signInKey(_ login: String) -> String {
        Chain.sha256Hex(login)
    }

    private func log(_ key: String, _ account: String?, _ outcome: SignInOutcome, _ at: Instant, _ keep: Instant)
        throws
    {
        try AppError.mapping {
            try store.logSignIn(loginKey: key, account: account, outcome: outcome, at: at, keepingSince: keep)
        }
    }
}
