/// The tracker's tables in PostgreSQL, as named migrations: the same record as SQLite's
/// (`DSRStore/Migrations.swift`) in PostgreSQL's types, with two differences of design. The
/// event log refuses UPDATE, DELETE and TRUNCATE by trigger (the server's role has no right to
/// them either), and the vault keeps each text's key in a table of its own, `vault_key`, so
/// that erasing deletes the key (crypto-shredding) while old row versions of the sealed text
/// wait for vacuum. Times are seconds since 1970 as in SQLite, so both share the chain code.
enum PostgresSchema {
    /// The migrations in order; a name is never reused or changed once released.
    static let migrations: [(name: String, script: String)] = [
        ("pg1-record", record),
        ("pg2-append-only-event-log", appendOnly),
        ("pg3-prompt-key-vacuum", promptKeyVacuum),
    ]

    /// Each table the server's role uses, with the rights it gets: no more than the use cases
    /// need (nothing but SELECT and INSERT on the event log).
    static let serverRights: [(table: String, rights: String)] = [
        ("event", "SELECT, INSERT"),
        ("chain_head", "SELECT, INSERT, UPDATE"),
        ("vault", "SELECT, INSERT, UPDATE"),
        ("vault_key", "SELECT, INSERT, DELETE"),
        ("policy", "SELECT, INSERT"),
        ("setting", "SELECT, INSERT, UPDATE"),
        ("case_projection", "SELECT, INSERT, UPDATE"),
        ("account", "SELECT, INSERT, UPDATE"),
        ("credential", "SELECT, INSERT, UPDATE"),
        ("web_session", "SELECT, INSERT, UPDATE, DELETE"),
        ("sign_in_log", "SELECT, INSERT, DELETE"),
        ("inbox_item", "SELECT, INSERT, UPDATE"),
        ("api_token", "SELECT, INSERT, UPDATE"),
    ]

    private static let record = """
        CREATE TABLE policy (
            hash text PRIMARY KEY,
            source text NOT NULL,
            text text NOT NULL,
            stored_at bigint NOT NULL
        );
        CREATE TABLE setting (
            key text PRIMARY KEY,
            value text NOT NULL
        );
        CREATE TABLE event (
            id bigint PRIMARY KEY,
            case_id text NOT NULL,
            kind text NOT NULL,
            payload text NOT NULL,
            occurred_at bigint NOT NULL,
            recorded_at bigint NOT NULL,
            actor text NOT NULL,
            prev_hash bytea NOT NULL,
            hash bytea NOT NULL
        );
        CREATE INDEX event_by_case ON event (case_id, id);
        -- The one row every writer locks (SELECT … FOR UPDATE) before it appends: the chain
        -- is written by one transaction at a time, whichever server it runs on.
        CREATE TABLE chain_head (
            id integer PRIMARY KEY CHECK (id = 1),
            last_event_id bigint NOT NULL,
            hash bytea NOT NULL
        );
        CREATE TABLE vault (
            event_id bigint NOT NULL REFERENCES event (id),
            field text NOT NULL,
            content bytea,
            sealed boolean NOT NULL DEFAULT false,
            PRIMARY KEY (event_id, field)
        );
        -- Per text: the key of its commitment (as SQLite's vault.key) and the key its content
        -- is encrypted with. Erasing deletes this row: the content left in old row versions
        -- of vault can no longer be read.
        CREATE TABLE vault_key (
            event_id bigint NOT NULL,
            field text NOT NULL,
            key bytea NOT NULL,
            data_key bytea NOT NULL,
            PRIMARY KEY (event_id, field),
            FOREIGN KEY (event_id, field) REFERENCES vault (event_id, field)
        );
        CREATE TABLE case_projection (
            id text PRIMARY KEY,
            year integer NOT NULL,
            number integer NOT NULL,
            channel text NOT NULL,
            kinds text NOT NULL,
            received_at bigint NOT NULL,
            receipt_date text NOT NULL,
            deadline text NOT NULL,
            extended_deadline text,
            due_date text NOT NULL,
            due_end bigint NOT NULL,
            internal_due bigint NOT NULL,
            lifecycle text NOT NULL,
            active boolean NOT NULL,
            paused boolean NOT NULL,
            extension text NOT NULL,
            assignee text,
            answered_at bigint,
            closed_at bigint,
            acknowledged_at bigint,
            last_event_id bigint NOT NULL,
            last_event_at bigint NOT NULL,
            policy_hash text NOT NULL REFERENCES policy (hash),
            UNIQUE (year, number)
        );
        CREATE INDEX active_case_by_internal_due ON case_projection (internal_due) WHERE active;
        CREATE INDEX case_by_receipt ON case_projection (received_at);
        CREATE TABLE account (
            login text PRIMARY KEY,
            role text NOT NULL,
            display_name text,
            enabled boolean NOT NULL,
            created_at bigint NOT NULL,
            last_event_id bigint NOT NULL REFERENCES event (id)
        );
        CREATE TABLE credential (
            login text PRIMARY KEY REFERENCES account (login),
            password_hash text,
            changed_at bigint NOT NULL,
            language text NOT NULL DEFAULT 'de',
            calendar_token_hash text UNIQUE,
            totp_secret text,
            totp_enabled boolean NOT NULL DEFAULT false,
            totp_last_step bigint
        );
        CREATE TABLE web_session (
            token_hash text PRIMARY KEY,
            login text NOT NULL REFERENCES account (login),
            csrf_token text NOT NULL,
            created_at bigint NOT NULL,
            last_seen_at bigint NOT NULL
        );
        CREATE INDEX web_session_by_login ON web_session (login);
        CREATE TABLE sign_in_log (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            login_key text NOT NULL,
            account text,
            outcome text NOT NULL,
            at bigint NOT NULL
        );
        CREATE INDEX sign_in_log_by_key ON sign_in_log (login_key, at);
        CREATE INDEX sign_in_log_by_time ON sign_in_log (at);
        CREATE TABLE inbox_item (
            id bigint PRIMARY KEY,
            state text NOT NULL,
            origin text NOT NULL,
            taken_at bigint NOT NULL,
            received_at bigint,
            receipt_source text,
            evidence text NOT NULL,
            flags text NOT NULL,
            sha256 text NOT NULL,
            size bigint NOT NULL,
            attachments integer NOT NULL,
            message_id_hash text,
            content_hash text,
            duplicates integer NOT NULL DEFAULT 0,
            failure text,
            case_id text,
            settled_at bigint,
            event_id bigint NOT NULL REFERENCES event (id),
            dismissed_event_id bigint REFERENCES event (id),
            purged boolean NOT NULL DEFAULT false
        );
        CREATE INDEX inbox_by_state ON inbox_item (state, id);
        CREATE INDEX inbox_by_message_id ON inbox_item (message_id_hash) WHERE message_id_hash IS NOT NULL;
        CREATE INDEX inbox_by_settled ON inbox_item (settled_at) WHERE NOT purged;
        CREATE TABLE api_token (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            login text NOT NULL REFERENCES account (login),
            name text NOT NULL,
            token_hash text NOT NULL UNIQUE,
            created_at bigint NOT NULL,
            last_used_at bigint,
            revoked_at bigint
        );
        """

    /// The event log refuses to be changed, whoever asks: even the owner must first disable
    /// the triggers, which leaves its trace in the server's log if statements are logged,
    /// and `dsr verify` finds any change anyway.
    private static let appendOnly = """
        CREATE FUNCTION dsr_refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the event log is append-only: % refused', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $$;
        CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON event
            FOR EACH ROW EXECUTE FUNCTION dsr_refuse_event_change();
        CREATE TRIGGER event_no_truncate BEFORE TRUNCATE ON event
            FOR EACH STATEMENT EXECUTE FUNCTION dsr_refuse_event_change();
        """

    /// Autovacuum visits the vault's tables after every erasure, not after a fifth of their
    /// rows changed: the row versions that still hold an erased key or text are freed within
    /// autovacuum's nap time (a minute by default), whatever the server's role may do itself.
    private static let promptKeyVacuum = """
        ALTER TABLE vault_key SET (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0);
        ALTER TABLE vault SET (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0);
        """
}
