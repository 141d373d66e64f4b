import DSRCore
import DSRLedger

/// A new API token: its row and the token itself, shown once.
public struct NewAPIToken: Sendable {
    public let stored: StoredAPIToken
    public let token: String
}

extension Session {
    /// Creates a bearer token for the API that acts as `login` (its role applies); the token
    /// is returned once, only its SHA-256 is kept.
    public func createAPIToken(for login: String, name: String) throws -> NewAPIToken {
        try require(.manageAPITokens)
        try AppError.mapping { try LoginName.check(login) }
        let trimmed = name.trimmedBlanks
        guard !trimmed.isEmpty, trimmed.utf8.count <= 100, !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 })
        else { throw AppError(.badInput, "the token's name must be 1 to 100 bytes on one line") }
        guard let account = try AppError.mapping({ try tracker.store.accounts() }).first(where: { $0.login == login }),
            account.enabled
        else { throw AppError(.notFound, "there is no enabled staff account '\(login)'") }
        let token = "dsr_" + RandomToken.make()
        let stored = try AppError.mapping {
            try tracker.store.addAPIToken(login: login, name: trimmed, tokenHash: Chain.sha256Hex(token), now: now)
        }
        return NewAPIToken(stored: stored, token: token)
    }

    /// Every API token (revoked ones too), newest first.
    public func apiTokens() throws -> [StoredAPIToken] {
        try require(.manageAPITokens)
        return try AppError.mapping { try tracker.store.apiTokens() }
    }

    /// Revokes an API token at once.
    public func revokeAPIToken(_ id: Int) throws {
        try require(.manageAPITokens)
        guard try AppError.mapping({ try tracker.store.revokeAPIToken(id: id, now: now) }) else {
            throw AppError(.notFound, "there is no live API token \(id)")
        }
    }
}

extension Tracker {
    /// The session of a bearer token of the API, if the token is live and its account enabled.
    public func apiSession(token: String, now: Instant) throws -> Session? {
        guard token.utf8.count <= 200,
            let found = try AppError.mapping({ try store.useAPIToken(tokenHash: Chain.sha256Hex(token), now: now) }),
            let session = try? self.session(login: found.token.login, accounts: found.accounts, now: now),
            session.access.role != nil
        else { return nil }
        return session
    }
}
