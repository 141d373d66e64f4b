import DSRCore
import DSRLedger
import GRDB

extension CaseStore: SignInRecords {
    public func credential(login: String) throws -> StoredCredential? {
        try pool.read { db in try Self.credential(login: login, db: db) }
    }

    static func credential(login: String, db: Database) throws -> StoredCredential? {
        try Row.fetchOne(
            db,
            sql: "SELECT passwordHash, changedAt, language, totpSecret, totpEnabled FROM credential WHERE login = ?",
            arguments: [login]
        ).map {
            StoredCredential(
                login: login, passwordHash: $0["passwordHash"], changedAt: Instant(secondsSinceEpoch: $0["changedAt"]),
                language: $0["language"], totpSecret: $0["totpSecret"], totpEnabled: $0["totpEnabled"])
        }
    }

    public func setPassword(login: String, hash: String, actor: String, now: Instant, endingSessions: Bool) throws {
        try writeBatch { batch, db in
            try batch.requireAccount(login)
            try batch.appendTrackerEvent(.staffPasswordSet(login: login), at: now, actor: actor, now: now)
            try db.execute(
                sql: """
                    INSERT INTO credential (login, passwordHash, changedAt) VALUES (?, ?, ?)
                    ON CONFLICT(login) DO UPDATE SET passwordHash = excluded.passwordHash, changedAt = excluded.changedAt
                    """, arguments: [login, hash, now.secondsSinceEpoch])
            if endingSessions {
                try db.execute(sql: "DELETE FROM webSession WHERE login = ?", arguments: [login])
            }
        }
    }

    public func setLanguage(login: String, language: String) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO credential (login, changedAt, language) VALUES (?, 0, ?)
                    ON CONFLICT(login) DO UPDATE SET language = excluded.language
                    """, arguments: [login, language])
        }
    }

    public func setTOTP(login: String, secret: String?, enabled: Bool) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO credential (login, changedAt, totpSecret, totpEnabled) VALUES (?, 0, ?, ?)
                    ON CONFLICT(login) DO UPDATE SET totpSecret = excluded.totpSecret, totpEnabled = excluded.totpEnabled
                    """, arguments: [login, secret, enabled])
        }
    }

    public func useOneTimeCodeStep(login: String, step: Int64) throws -> Bool {
        try write { db in
            try db.execute(
                sql:
                    "UPDATE credential SET totpLastStep = ? WHERE login = ? AND (totpLastStep IS NULL OR totpLastStep < ?)",
                arguments: [step, login, step])
            return db.changesCount == 1
        }
    }

    public func setCalendarToken(login: String, hash: String?) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO credential (login, changedAt, calendarTokenHash) VALUES (?, 0, ?)
                    ON CONFLICT(login) DO UPDATE SET calendarTokenHash = excluded.calendarTokenHash
                    """, arguments: [login, hash])
        }
    }

    public func calendarOwner(tokenHash: String) throws -> String? {
        try pool.read { db in
            try String.fetchOne(
                db, sql: "SELECT login FROM credential WHERE calendarTokenHash = ?", arguments: [tokenHash])
        }
    }

    public func logSignIn(
        loginKey: String, account: String?, outcome: SignInOutcome, at: Instant, keepingSince: Instant
    ) throws {
        try write { db in
            try db.execute(
                sql: "INSERT INTO signInLog (loginKey, account, outcome, at) VALUES (?, ?, ?, ?)",
                arguments: [loginKey, account, outcome.rawValue, at.secondsSinceEpoch])
            try db.execute(sql: "DELETE FROM signInLog WHERE at < ?", arguments: [keepingSince.secondsSinceEpoch])
        }
    }

    public func failedSignIns(loginKey: String, since: Instant) throws -> [Instant] {
        try pool.read { db in
            try Int64.fetchAll(
                db, sql: "SELECT at FROM signInLog WHERE loginKey = ? AND outcome = 'failed' AND at >= ? ORDER BY at",
                arguments: [loginKey, since.secondsSinceEpoch]
            ).map(Instant.init(secondsSinceEpoch:))
        }
    }

    public func startWebSession(_ session: StoredWebSession) throws {
        try write { db in
            try db.execute(
                sql:
                    "INSERT INTO webSession (tokenHash, login, csrfToken, createdAt, lastSeenAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    session.tokenHash, session.login, session.csrfToken, session.createdAt.secondsSinceEpoch,
                    session.lastSeenAt.secondsSinceEpoch,
                ])
        }
    }

    public func webSession(tokenHash: String) throws -> StoredWebSession? {
        try pool.read { db in try Self.webSession(tokenHash: tokenHash, db: db) }
    }

    public func webSessionState(tokenHash: String) throws -> WebSessionState? {
        try pool.read { db in
            guard let session = try Self.webSession(tokenHash: tokenHash, db: db) else { return nil }
            return WebSessionState(
                session: session, credential: try Self.credential(login: session.login, db: db),
                accounts: try AccountRow.order(AccountRow.Columns.login).fetchAll(db).map { try $0.account() },
                recordVersion: try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM event") ?? 0)
        }
    }

    static func webSession(tokenHash: String, db: Database) throws -> StoredWebSession? {
        try Row.fetchOne(
            db, sql: "SELECT login, csrfToken, createdAt, lastSeenAt FROM webSession WHERE tokenHash = ?",
            arguments: [tokenHash]
        ).map {
            StoredWebSession(
                tokenHash: tokenHash, login: $0["login"], csrfToken: $0["csrfToken"],
                createdAt: Instant(secondsSinceEpoch: $0["createdAt"]),
                lastSeenAt: Instant(secondsSinceEpoch: $0["lastSeenAt"]))
        }
    }

    public func touchWebSession(tokenHash: String, at: Instant) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE webSession SET lastSeenAt = ? WHERE tokenHash = ?",
                arguments: [at.secondsSinceEpoch, tokenHash])
        }
    }

    public func endWebSession(tokenHash: String) throws {
        try write { db in try db.execute(sql: "DELETE FROM webSession WHERE tokenHash = ?", arguments: [tokenHash]) }
    }

    public func endStaleWebSessions(createdBefore: Instant, idleSince: Instant) throws {
        try write { db in
            try db.execute(
                sql: "DELETE FROM webSession WHERE createdAt < ? OR lastSeenAt < ?",
                arguments: [createdBefore.secondsSinceEpoch, idleSince.secondsSinceEpoch])
        }
    }
}
