import DSRCore
import DSRLedger
import Foundation
import PostgresNIO

extension PostgresStore: SignInRecords {
    public func credential(login: String) throws -> StoredCredential? {
        try links.with { try Self.credential(login: login, in: $0) }
    }

    static func credential(login: String, in link: PostgresLink) throws -> StoredCredential? {
        try link.query(
            "SELECT password_hash, changed_at, language, totp_secret, totp_enabled FROM credential WHERE login = \(login)"
        ).first.map { row in
            let (passwordHash, changedAt, language, totpSecret, totpEnabled) = try row.decode(
                (String?, Int64, String, String?, Bool).self)
            return StoredCredential(
                login: login, passwordHash: passwordHash, changedAt: Instant(secondsSinceEpoch: changedAt),
                language: language, totpSecret: totpSecret, totpEnabled: totpEnabled)
        }
    }

    public func setPassword(login: String, hash: String, actor: String, now: Instant, endingSessions: Bool) throws {
        try writeBatch { batch, link in
            try batch.requireAccount(login)
            try batch.appendTrackerEvent(.staffPasswordSet(login: login), at: now, actor: actor, now: now)
            try link.query(
                """
                INSERT INTO credential (login, password_hash, changed_at) VALUES (\(login), \(hash), \(now.secondsSinceEpoch))
                ON CONFLICT (login) DO UPDATE SET password_hash = EXCLUDED.password_hash, changed_at = EXCLUDED.changed_at
                """)
            if endingSessions { try link.query("DELETE FROM web_session WHERE login = \(login)") }
        }
    }

    public func setLanguage(login: String, language: String) throws {
        try write { link in
            try link.query(
                """
                INSERT INTO credential (login, changed_at, language) VALUES (\(login), 0, \(language))
                ON CONFLICT (login) DO UPDATE SET language = EXCLUDED.language
                """)
        }
    }

    public func setTOTP(login: String, secret: String?, enabled: Bool) throws {
        try write { link in
            try link.query(
                """
                INSERT INTO credential (login, changed_at, totp_secret, totp_enabled) VALUES (\(login), 0, \(secret), \(enabled))
                ON CONFLICT (login) DO UPDATE SET totp_secret = EXCLUDED.totp_secret, totp_enabled = EXCLUDED.totp_enabled
                """)
        }
    }

    public func useOneTimeCodeStep(login: String, step: Int64) throws -> Bool {
        try write { link in
            !(try link.query(
                """
                UPDATE credential SET totp_last_step = \(step)
                WHERE login = \(login) AND (totp_last_step IS NULL OR totp_last_step < \(step)) RETURNING login
                """
            ).isEmpty)
        }
    }

    public func setCalendarToken(login: String, hash: String?) throws {
        try write { link in
            try link.query(
                """
                INSERT INTO credential (login, changed_at, calendar_token_hash) VALUES (\(login), 0, \(hash))
                ON CONFLICT (login) DO UPDATE SET calendar_token_hash = EXCLUDED.calendar_token_hash
                """)
        }
    }

    public func calendarOwner(tokenHash: String) throws -> String? {
        try links.with { link in
            try link.query("SELECT login FROM credential WHERE calendar_token_hash = \(tokenHash)").first?.decode(
                String.self)
        }
    }

    public func logSignIn(
        loginKey: String, account: String?, outcome: SignInOutcome, at: Instant, keepingSince: Instant
    ) throws {
        try write { link in
            try link.query(
                """
                INSERT INTO sign_in_log (login_key, account, outcome, at)
                VALUES (\(loginKey), \(account), \(outcome.rawValue), \(at.secondsSinceEpoch))
                """)
            try link.query("DELETE FROM sign_in_log WHERE at < \(keepingSince.secondsSinceEpoch)")
        }
    }

    public func failedSignIns(loginKey: String, since: Instant) throws -> [Instant] {
        try links.with { link in
            try link.query(
                """
                SELECT at FROM sign_in_log
                WHERE login_key = \(loginKey) AND outcome = 'failed' AND at >= \(since.secondsSinceEpoch) ORDER BY at
                """
            ).map { Instant(secondsSinceEpoch: try $0.decode(Int64.self)) }
        }
    }

    public func startWebSession(_ session: StoredWebSession) throws {
        try write { link in
            try link.query(
                """
                INSERT INTO web_session (token_hash, login, csrf_token, created_at, last_seen_at)
                VALUES (\(session.tokenHash), \(session.login), \(session.csrfToken),
                        \(session.createdAt.secondsSinceEpoch), \(session.lastSeenAt.secondsSinceEpoch))
                """)
        }
    }

    public func webSession(tokenHash: String) throws -> StoredWebSession? {
        try links.with { try Self.webSession(tokenHash: tokenHash, in: $0) }
    }

    /// One statement (so one snapshot and one round trip): every page request of a browser
    /// reads it.
    public func webSessionState(tokenHash: String) throws -> WebSessionState? {
        guard
            let row = try links.with({ link in
                try link.query(
                    """
                    SELECT s.login, s.csrf_token, s.created_at, s.last_seen_at, c.login IS NOT NULL, c.password_hash,
                           COALESCE(c.changed_at, 0), COALESCE(c.language, 'de'), c.totp_secret,
                           COALESCE(c.totp_enabled, false), (SELECT COALESCE(MAX(id), 0) FROM event),
                           \(unescaped: Self.accountsJSON)
                    FROM web_session s LEFT JOIN credential c ON c.login = s.login WHERE s.token_hash = \(tokenHash)
                    """
                ).first
            })
        else { return nil }
        let cells = row.makeRandomAccess()
        let (login, csrfToken, createdAt, lastSeenAt) = try (
            cells[0].decode(String.self), cells[1].decode(String.self), cells[2].decode(Int64.self),
            cells[3].decode(Int64.self)
        )
        let (hasCredential, passwordHash, changedAt, language, totpSecret, totpEnabled, version, accounts) = try (
            cells[4].decode(Bool.self), cells[5].decode(String?.self), cells[6].decode(Int64.self),
            cells[7].decode(String.self), cells[8].decode(String?.self), cells[9].decode(Bool.self),
            cells[10].decode(Int64.self), cells[11].decode(String.self)
        )
        let credential =
            hasCredential
            ? StoredCredential(
                login: login, passwordHash: passwordHash, changedAt: Instant(secondsSinceEpoch: changedAt),
                language: language, totpSecret: totpSecret, totpEnabled: totpEnabled) : nil
        return WebSessionState(
            session: StoredWebSession(
                tokenHash: tokenHash, login: login, csrfToken: csrfToken,
                createdAt: Instant(secondsSinceEpoch: createdAt), lastSeenAt: Instant(secondsSinceEpoch: lastSeenAt)),
            credential: credential, accounts: try Self.accounts(json: accounts), recordVersion: version)
    }

    private static func webSession(tokenHash: String, in link: PostgresLink) throws -> StoredWebSession? {
        try link.query(
            "SELECT login, csrf_token, created_at, last_seen_at FROM web_session WHERE token_hash = \(tokenHash)"
        ).first.map { row in
            let (login, csrfToken, createdAt, lastSeenAt) = try row.decode((String, String, Int64, Int64).self)
            return StoredWebSession(
                tokenHash: tokenHash, login: login, csrfToken: csrfToken,
                createdAt: Instant(secondsSinceEpoch: createdAt), lastSeenAt: Instant(secondsSinceEpoch: lastSeenAt))
        }
    }

    public func touchWebSession(tokenHash: String, at: Instant) throws {
        try write { link in
            try link.query(
                "UPDATE web_session SET last_seen_at = \(at.secondsSinceEpoch) WHERE token_hash = \(tokenHash)")
        }
    }

    public func endWebSession(tokenHash: String) throws {
        try write { try $0.query("DELETE FROM web_session WHERE token_hash = \(tokenHash)") }
    }

    public func endStaleWebSessions(createdBefore: Instant, idleSince: Instant) throws {
        try write { link in
            try link.query(
                """
                DELETE FROM web_session
                WHERE created_at < \(createdBefore.secondsSinceEpoch) OR last_seen_at < \(idleSince.secondsSinceEpoch)
                """)
        }
    }
}
