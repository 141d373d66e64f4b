import DSRCore
import DSRLedger
import PostgresNIO

extension PostgresStore: TokenRecords {
    public func addAPIToken(login: String, name: String, tokenHash: String, now: Instant) throws -> StoredAPIToken {
        try write { link in
            guard try !link.query("SELECT 1 FROM account WHERE login = \(login)").isEmpty else {
                throw DSRCoreError.notFound("there is no staff account '\(login)'")
            }
            let id =
                try link.query(
                    """
                    INSERT INTO api_token (login, name, token_hash, created_at)
                    VALUES (\(login), \(name), \(tokenHash), \(now.secondsSinceEpoch)) RETURNING id
                    """
                ).first?.decode(Int64.self) ?? 0
            return StoredAPIToken(
                id: Int(id), login: login, name: name, createdAt: now, lastUsedAt: nil, revokedAt: nil)
        }
    }

    public func apiTokens() throws -> [StoredAPIToken] {
        try links.with { link in
            try link.query("SELECT \(unescaped: Self.tokenColumns) FROM api_token ORDER BY id DESC").map(
                Self.token(row:))
        }
    }

    public func useAPIToken(tokenHash: String, now: Instant) throws -> (
        token: StoredAPIToken, accounts: [StaffAccount]
    )? {
        // One statement, so one snapshot and one round trip: every API request reads it.
        let found = try links.with { link -> (StoredAPIToken, [StaffAccount])? in
            guard
                let row = try link.query(
                    """
                    SELECT \(unescaped: Self.tokenColumns), \(unescaped: Self.accountsJSON) FROM api_token
                    WHERE token_hash = \(tokenHash) AND revoked_at IS NULL
                    """
                ).first
            else { return nil }
            return (
                try Self.token(row: row), try Self.accounts(json: try row.makeRandomAccess()[6].decode(String.self))
            )
        }
        guard let (token, accounts) = found else { return nil }
        if (token.lastUsedAt?.secondsSinceEpoch ?? 0) < now.secondsSinceEpoch - 60 {
            try write { link in
                try link.query("UPDATE api_token SET last_used_at = \(now.secondsSinceEpoch) WHERE id = \(token.id)")
            }
        }
        return (token, accounts)
    }

    public func revokeAPIToken(id: Int, now: Instant) throws -> Bool {
        try write { link in
            !(try link.query(
                """
                UPDATE api_token SET revoked_at = \(now.secondsSinceEpoch)
                WHERE id = \(id) AND revoked_at IS NULL RETURNING id
                """
            ).isEmpty)
        }
    }

    static let tokenColumns = "id, login, name, created_at, last_used_at, revoked_at"

    static func token(row: PostgresRow) throws -> StoredAPIToken {
        let (id, login, name, createdAt, lastUsedAt, revokedAt) = try row.decode(
            (Int64, String, String, Int64, Int64?, Int64?).self)
        return StoredAPIToken(
            id: Int(id), login: login, name: name, createdAt: Instant(secondsSinceEpoch: createdAt),
            lastUsedAt: lastUsedAt.map(Instant.init(secondsSinceEpoch:)),
            revokedAt: revokedAt.map(Instant.init(secondsSinceEpoch:)))
    }
}
