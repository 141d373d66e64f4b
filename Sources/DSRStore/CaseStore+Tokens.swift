import DSRCore
import DSRLedger
import GRDB

extension CaseStore: TokenRecords {
    public func addAPIToken(login: String, name: String, tokenHash: String, now: Instant) throws -> StoredAPIToken {
        try write { db in
            guard try AccountRow.fetchOne(db, key: login) != nil else {
                throw DSRCoreError.notFound("there is no staff account '\(login)'")
            }
            try db.execute(
                sql: "INSERT INTO apiToken (login, name, tokenHash, createdAt) VALUES (?, ?, ?, ?)",
                arguments: [login, name, tokenHash, now.secondsSinceEpoch])
            return StoredAPIToken(
                id: Int(db.lastInsertedRowID), login: login, name: name, createdAt: now, lastUsedAt: nil,
                revokedAt: nil)
        }
    }

    public func apiTokens() throws -> [StoredAPIToken] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM apiToken ORDER BY id DESC").map(Self.token(row:))
        }
    }

    public func useAPIToken(tokenHash: String, now: Instant) throws -> (
        token: StoredAPIToken, accounts: [StaffAccount]
    )? {
        let found = try pool.read { db -> (StoredAPIToken, [StaffAccount])? in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM apiToken WHERE tokenHash = ? AND revokedAt IS NULL", arguments: [tokenHash])
            else { return nil }
            return (
                Self.token(row: row),
                try AccountRow.order(AccountRow.Columns.login).fetchAll(db).map { try $0.account() }
            )
        }
        guard let (token, accounts) = found else { return nil }
        if (token.lastUsedAt?.secondsSinceEpoch ?? 0) < now.secondsSinceEpoch - 60 {
            try write { db in
                try db.execute(
                    sql: "UPDATE apiToken SET lastUsedAt = ? WHERE id = ?",
                    arguments: [now.secondsSinceEpoch, token.id])
            }
        }
        return (token, accounts)
    }

    public func revokeAPIToken(id: Int, now: Instant) throws -> Bool {
        try write { db in
            try db.execute(
                sql: "UPDATE apiToken SET revokedAt = ? WHERE id = ? AND revokedAt IS NULL",
                arguments: [now.secondsSinceEpoch, id])
            return db.changesCount == 1
        }
    }

    static func token(row: Row) -> StoredAPIToken {
        StoredAPIToken(
            id: row["id"], login: row["login"], name: row["name"],
            createdAt: Instant(secondsSinceEpoch: row["createdAt"]),
            lastUsedAt: (row["lastUsedAt"] as Int64?).map(Instant.init(secondsSinceEpoch:)),
            revokedAt: (row["revokedAt"] as Int64?).map(Instant.init(secondsSinceEpoch:)))
    }
}
