import DSRCore

/// A staff account's credentials for the web application, kept apart from the account and
/// never in the chain: the bcrypt hash of the password and the user's language.
public struct StoredCredential: Sendable, Equatable {
    public var login: String
    /// The bcrypt hash (`$2b$12$…`), nil while no password is set.
    public var passwordHash: String?
    public var changedAt: Instant
    /// The language the user reads the pages in (`de`, `en`).
    public var language: String
    /// The TOTP secret (RFC 6238, base32), while one is set up or in use.
    public var totpSecret: String?
    /// Whether sign-in asks for the one-time code (set once a code from the secret was confirmed).
    public var totpEnabled: Bool

    public init(
        login: String, passwordHash: String?, changedAt: Instant, language: String, totpSecret: String? = nil,
        totpEnabled: Bool = false
    ) {
        self.login = login
        self.passwordHash = passwordHash
        self.changedAt = changedAt
        self.language = language
        self.totpSecret = totpSecret
        self.totpEnabled = totpEnabled
    }
}

/// A signed-in browser: the SHA-256 of its random session id (the id itself lives only in the
/// cookie), whose it is, the form token of its pages, and when it began and was last used.
public struct StoredWebSession: Sendable, Equatable {
    public var tokenHash: String
    public var login: String
    public var csrfToken: String
    public var createdAt: Instant
    public var lastSeenAt: Instant

    public init(tokenHash: String, login: String, csrfToken: String, createdAt: Instant, lastSeenAt: Instant) {
        self.tokenHash = tokenHash
        self.login = login
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}

/// Everything a request of a signed-in browser needs, read in one snapshot: its session, the
/// account's credential, the staff accounts (for the role) and the record's version.
public struct WebSessionState: Sendable {
    public var session: StoredWebSession
    public var credential: StoredCredential?
    public var accounts: [StaffAccount]
    /// The newest event's id (0 when there is none): every write, by any process, changes it,
    /// so it tells a cache whether the record changed.
    public var recordVersion: Int64

    public init(
        session: StoredWebSession, credential: StoredCredential?, accounts: [StaffAccount], recordVersion: Int64
    ) {
        self.session = session
        self.credential = credential
        self.accounts = accounts
        self.recordVersion = recordVersion
    }
}

/// What became of an attempt to sign in, as the sign-in log keeps it.
public enum SignInOutcome: String, Sendable {
    case succeeded, failed, throttled
    case signedOut = "signed-out"
}

/// The web application's credentials, sessions and sign-in log in a database. The log keys
/// attempts by the SHA-256 of the login typed (so an unknown login, which may be a person's
/// e-mail address typed by mistake, is never stored) and names the account only when it exists.
public protocol SignInRecords: Sendable {
    func credential(login: String) throws -> StoredCredential?
    /// Sets an account's password hash and records a `staff-password-set` event in the chain,
    /// in one transaction; ends the account's web sessions when `endingSessions`.
    func setPassword(login: String, hash: String, actor: String, now: Instant, endingSessions: Bool) throws
    func setLanguage(login: String, language: String) throws
    /// Sets an account's TOTP secret (nil: none) and whether sign-in asks for its code.
    func setTOTP(login: String, secret: String?, enabled: Bool) throws
    /// Marks the time step of a one-time code as used, unless it (or a later one) already was:
    /// false then, so a code works once.
    func useOneTimeCodeStep(login: String, step: Int64) throws -> Bool
    /// Sets (or with nil revokes) the SHA-256 of an account's secret calendar address.
    func setCalendarToken(login: String, hash: String?) throws
    /// The account whose calendar address has this hash.
    func calendarOwner(tokenHash: String) throws -> String?
    /// Appends to the sign-in log and drops the entries older than `keepingSince`.
    func logSignIn(loginKey: String, account: String?, outcome: SignInOutcome, at: Instant, keepingSince: Instant)
        throws
    /// How many failed attempts the log holds for a login key since a moment.
    func failedSignIns(loginKey: String, since: Instant) throws -> [Instant]
    func startWebSession(_ session: StoredWebSession) throws
    func webSession(tokenHash: String) throws -> StoredWebSession?
    /// A session with its credential, the accounts and the record's version, in one read.
    func webSessionState(tokenHash: String) throws -> WebSessionState?
    func touchWebSession(tokenHash: String, at: Instant) throws
    func endWebSession(tokenHash: String) throws
    /// Ends the web sessions that began before `createdBefore` or were idle since `idleSince`.
    func endStaleWebSessions(createdBefore: Instant, idleSince: Instant) throws
}
