import GRDB

/// The schema, as named migrations. A migration that has shipped is never edited; changes
/// come as new migrations.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-event-log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE policy (
                        hash TEXT PRIMARY KEY,
                        source TEXT NOT NULL,
                        text TEXT NOT NULL,
                        storedAt INTEGER NOT NULL
                    );
                    CREATE TABLE setting (
                        key TEXT PRIMARY KEY,
                        value TEXT NOT NULL
                    );
                    CREATE TABLE event (
                        id INTEGER PRIMARY KEY,
                        caseId TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        payload TEXT NOT NULL,
                        occurredAt INTEGER NOT NULL,
                        recordedAt INTEGER NOT NULL,
                        actor TEXT NOT NULL,
                        prevHash BLOB NOT NULL,
                        hash BLOB NOT NULL
                    );
                    CREATE INDEX event_by_case ON event(caseId, id);
                    CREATE TABLE vault (
                        eventId INTEGER NOT NULL REFERENCES event(id),
                        field TEXT NOT NULL,
                        key BLOB,
                        content BLOB,
                        PRIMARY KEY (eventId, field)
                    ) WITHOUT ROWID;
                    CREATE TABLE chainHead (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        lastEventId INTEGER NOT NULL,
                        hash BLOB NOT NULL
                    );
                    CREATE TABLE caseProjection (
                        id TEXT PRIMARY KEY,
                        year INTEGER NOT NULL,
                        number INTEGER NOT NULL,
                        channel TEXT NOT NULL,
                        kinds TEXT NOT NULL,
                        receivedAt INTEGER NOT NULL,
                        receiptDate TEXT NOT NULL,
                        deadline TEXT NOT NULL,
                        extendedDeadline TEXT,
                        dueDate TEXT NOT NULL,
                        dueEnd INTEGER NOT NULL,
                        internalDue INTEGER NOT NULL,
                        lifecycle TEXT NOT NULL,
                        active INTEGER NOT NULL,
                        paused INTEGER NOT NULL,
                        extension TEXT NOT NULL,
                        assignee TEXT,
                        answeredAt INTEGER,
                        closedAt INTEGER,
                        lastEventId INTEGER NOT NULL,
                        lastEventAt INTEGER NOT NULL,
                        policyHash TEXT NOT NULL REFERENCES policy(hash)
                    );
                    CREATE UNIQUE INDEX case_by_number ON caseProjection(year, number);
                    CREATE INDEX active_case_by_internal_due ON caseProjection(internalDue) WHERE active = 1;
                    CREATE INDEX case_by_receipt ON caseProjection(receivedAt);
                    """)
        }
        // Vault texts may be sealed with AES-GCM under a key kept outside the database.
        migrator.registerMigration("v2-vault-sealing") { db in
            try db.execute(sql: "ALTER TABLE vault ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0")
        }
        // Staff accounts live in the database (their changes are events of the tracker); the
        // policy's <users> only seeds them once.
        migrator.registerMigration("v3-staff-accounts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE account (
                        login TEXT PRIMARY KEY,
                        role TEXT NOT NULL,
                        displayName TEXT,
                        enabled INTEGER NOT NULL,
                        createdAt INTEGER NOT NULL,
                        lastEventId INTEGER NOT NULL REFERENCES event(id)
                    );
                    """)
        }
        // The overdue view tells which cases still owe an acknowledgement of receipt.
        migrator.registerMigration("v4-acknowledged-at") { db in
            try db.execute(
                sql: """
                    ALTER TABLE caseProjection ADD COLUMN acknowledgedAt INTEGER;
                    UPDATE caseProjection SET acknowledgedAt = (
                        SELECT MIN(occurredAt) FROM event WHERE event.caseId = caseProjection.id AND event.kind = 'acknowledged');
                    """)
        }
        // The web application: passwords (bcrypt), sessions (by the hash of their id) and
        // the sign-in log (by the hash of the login typed), none of them in the chain.
        migrator.registerMigration("v5-web-sign-in") { db in
            try db.execute(
                sql: """
                    CREATE TABLE credential (
                        login TEXT PRIMARY KEY REFERENCES account(login),
                        passwordHash TEXT,
                        changedAt INTEGER NOT NULL,
                        language TEXT NOT NULL DEFAULT 'de',
                        calendarTokenHash TEXT UNIQUE,
                        totpSecret TEXT,
                        totpEnabled INTEGER NOT NULL DEFAULT 0,
                        totpLastStep INTEGER
                    );
                    CREATE TABLE webSession (
                        tokenHash TEXT PRIMARY KEY,
                        login TEXT NOT NULL REFERENCES account(login),
                        csrfToken TEXT NOT NULL,
                        createdAt INTEGER NOT NULL,
                        lastSeenAt INTEGER NOT NULL
                    );
                    CREATE INDEX webSession_by_login ON webSession(login);
                    CREATE TABLE signInLog (
                        id INTEGER PRIMARY KEY,
                        loginKey TEXT NOT NULL,
                        account TEXT,
                        outcome TEXT NOT NULL,
                        at INTEGER NOT NULL
                    );
                    CREATE INDEX signInLog_by_key ON signInLog(loginKey, at);
                    CREATE INDEX signInLog_by_time ON signInLog(at);
                    """)
        }
        // Intake: inbox items (their personal data is in the vault of their `message-received`
        // event) and the API's bearer tokens (by hash, never in the chain).
        migrator.registerMigration("v6-inbox") { db in
            try db.execute(
                sql: """
                    CREATE TABLE inboxItem (
                        id INTEGER PRIMARY KEY,
                        state TEXT NOT NULL,
                        origin TEXT NOT NULL,
                        takenAt INTEGER NOT NULL,
                        receivedAt INTEGER,
                        receiptSource TEXT,
                        evidence TEXT NOT NULL,
                        flags TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        attachments INTEGER NOT NULL,
                        messageIdHash TEXT,
                        contentHash TEXT,
                        duplicates INTEGER NOT NULL DEFAULT 0,
                        failure TEXT,
                        caseId TEXT,
                        settledAt INTEGER,
                        eventId INTEGER NOT NULL REFERENCES event(id),
                        dismissedEventId INTEGER REFERENCES event(id),
                        purged INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE INDEX inbox_by_state ON inboxItem(state, id);
                    CREATE INDEX inbox_by_message_id ON inboxItem(messageIdHash) WHERE messageIdHash IS NOT NULL;
                    CREATE INDEX inbox_by_settled ON inboxItem(settledAt) WHERE purged = 0;
                    CREATE TABLE apiToken (
                        id INTEGER PRIMARY KEY,
                        login TEXT NOT NULL REFERENCES account(login),
                        name TEXT NOT NULL,
                        tokenHash TEXT NOT NULL UNIQUE,
                        createdAt INTEGER NOT NULL,
                        lastUsedAt INTEGER,
                        revokedAt INTEGER
                    );
                    """)
        }
        return migrator
    }
}
