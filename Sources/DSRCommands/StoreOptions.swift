import ArgumentParser
import DSRCore
import Foundation

/// `--db FILE` and `--vault-key FILE`, shared by every command that works on the case log.
struct StoreOptions: ParsableArguments {
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

    /// The database path in force.
    var path: String {
        StoreLocation.path(option: db)
    }

    /// The vault key file in force: `--vault-key`, else `$DSR_VAULT_KEY_FILE`.
    var vaultKeyPath: String? {
        vaultKey ?? Setting.value("DSR_VAULT_KEY_FILE")
    }
}
