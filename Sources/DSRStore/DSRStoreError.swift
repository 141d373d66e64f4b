/// What can go wrong with the store. Messages never quote personal data or SQL arguments.
public enum DSRStoreError: Error, Equatable, CustomStringConvertible {
    /// The database file or its folder cannot be created or opened.
    case cannotOpen(path: String, reason: String)
    /// No case with that id.
    case unknownCase(String)
    /// The database belongs to a newer version of dsr.
    case newerSchema(String)
    /// A write failed in SQLite.
    case database(String)
    /// The policy a case was logged under is missing from the database.
    case missingPolicy(String)
    /// A file offered as a backup is not one that can be restored.
    case notABackup(String, String)
    /// The vault key file cannot be used (missing, wrong size, readable by others).
    case badVaultKeyFile(path: String, reason: String)
    /// The vault key given is not the one this database's personal data is sealed with.
    case wrongVaultKey(path: String)
    /// The database seals personal data and the process has no vault key.
    case vaultKeyRequired(action: String)
    /// A sealed vault record does not open under the right key: it was altered.
    case sealedRecordAltered(event: Int64)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "\(path): cannot open the database: \(reason)"
        case .unknownCase(let id): return "no case \(id)"
        case .newerSchema(let name):
            return "the database was written by a newer dsr (migration '\(name)' unknown); update dsr"
        case .database(let message): return "database error: \(message)"
        case .missingPolicy(let hash): return "the policy \(hash.prefix(12))… of a case is missing from the database"
        case .notABackup(let path, let reason): return "\(path): not restored: \(reason)"
        case .badVaultKeyFile(let path, let reason): return "vault key \(path): \(reason)"
        case .wrongVaultKey(let path):
            return "vault key \(path) is not the key this database's personal data is sealed with"
        case .vaultKeyRequired(let action):
            return
                "\(action) needs the vault key: this database seals personal data; give it with --vault-key FILE or DSR_VAULT_KEY_FILE"
        case .sealedRecordAltered(let event):
            return "the sealed personal data of event \(event) does not open: it was altered"
        }
    }
}
