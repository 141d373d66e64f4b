import DSRCore

/// A bearer token of the API as stored: whose it is, what it is for, and the SHA-256 of the
/// token (the token itself is shown once and never kept).
public struct StoredAPIToken: Sendable, Equatable {
    public var id: Int
    public var login: String
    /// What the token is for ("Kontaktformular Homepage"); no personal data.
    public var name: String
    public var createdAt: Instant
    public var lastUsedAt: Instant?
    public var revokedAt: Instant?

    public init(
        id: Int, login: String, name: String, createdAt: Instant, lastUsedAt: Instant?, revokedAt: Instant?
    ) {
        self.id = id
        self.login = login
        self.name = name
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }
}

/// The API's bearer tokens: stored hashed, never in the chain, revocable.
public protocol TokenRecords: Sendable {
    /// Stores a new token's hash for an account; returns its row.
    func addAPIToken(login: String, name: String, tokenHash: String, now: Instant) throws -> StoredAPIToken
    /// All tokens, newest first (revoked ones too).
    func apiTokens() throws -> [StoredAPIToken]
    /// The live (not revoked) token with this hash, its account, and the accounts; the use is
    /// noted (at most once a minute).
    func useAPIToken(tokenHash: String, now: Instant) throws -> (token: StoredAPIToken, accounts: [StaffAccount])?
    /// Revokes a token; false if there is no live token with that id.
    func revokeAPIToken(id: Int, now: Instant) throws -> Bool
}
