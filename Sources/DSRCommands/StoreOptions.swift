import ArgumentParser
import DSRApp
import DSRCore
import DSRPostgres
import Foundation

/// `--database URL`, `--db FILE` and `--vault-key FILE`, shared by every command that works on
/// the case log.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Database: postgres://user@host:port/db?sslmode=… (PostgreSQL), sqlite:PATH or a file path. Default: $DSR_DATABASE_URL, else as --db.",
            valueName: "url"))
    var database: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Database file. Default: $DSR_DB, else $XDG_DATA_HOME/dsr/dsr.sqlite (~/.local/share/dsr/dsr.sqlite).",
            valueName: "file"))
    var db: String?

    @Option(
        name: .customLong("vault-key"),
        help: ArgumentHelp(
            "Key that seals names and contacts (dsr keygen). Default: $DSR_VAULT_KEY_FILE; without one, sealed data stays unreadable.",
            valueName: "file"))
    var vaultKey: String?

    @Flag(name: .long, help: "Log what dsr does on standard error (never personal data).")
    var verbose = false

    func validate() throws {
        if database != nil, db != nil { throw ValidationError("give --database or --db, not both") }
    }

    /// The database in force: `--database`, `--db`, `$DSR_DATABASE_URL`, `$DSR_DB`, the default
    /// file. A PostgreSQL URL without a password takes the one of `$DSR_DATABASE_PASSWORD_FILE`.
    func address() throws -> DatabaseAddress {
        let text = database ?? (db == nil ? Setting.value("DSR_DATABASE_URL") : nil)
        guard let text else { return .sqlite(path: StoreLocation.path(option: db)) }
        return try Self.address(text)
    }

    /// The database a text names; a PostgreSQL URL without a password takes the one of
    /// `$DSR_DATABASE_PASSWORD_FILE`.
    static func address(_ text: String) throws -> DatabaseAddress {
        guard case .postgres(let url) = try DatabaseAddress(text) else { return try DatabaseAddress(text) }
        return .postgres(try url.withPassword(fromFileIn: "DSR_DATABASE_PASSWORD_FILE"))
    }

    /// The database as messages name it (never a password).
    var location: String {
        (try? address().description) ?? "the database"
    }

    /// The vault key file in force: `--vault-key`, else `$DSR_VAULT_KEY_FILE`.
    var vaultKeyPath: String? {
        vaultKey ?? Setting.value("DSR_VAULT_KEY_FILE")
    }

    /// The PostgreSQL owner role's URL for migrations: `$DSR_DATABASE_OWNER_URL`, its password
    /// from `$DSR_DATABASE_OWNER_PASSWORD_FILE` if it has none.
    static func ownerURL(option: String? = nil) throws -> PostgresURL? {
        try (option ?? Setting.value("DSR_DATABASE_OWNER_URL")).map {
            try PostgresURL($0).withPassword(fromFileIn: "DSR_DATABASE_OWNER_PASSWORD_FILE")
        }
    }
}
