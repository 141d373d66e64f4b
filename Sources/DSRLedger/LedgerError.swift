/// What can go wrong with the record, its keys and sealed texts, whatever database holds them.
/// Messages never quote personal data.
public enum LedgerError: Error, Equatable, CustomStringConvertible {
    /// The vault key file cannot be used (missing, wrong size, readable by others).
    case badVaultKeyFile(path: String, reason: String)
    /// The vault key given is not the one this database's personal data is sealed with.
    case wrongVaultKey(path: String)
    /// The database seals personal data and the process has no vault key.
    case vaultKeyRequired(action: String)
    /// A sealed vault record does not open under the right key: it was altered.
    case sealedRecordAltered(event: Int64)
    /// No case with that id.
    case unknownCase(String)
    /// The policy a case was logged under is missing from the database.
    case missingPolicy(String)

    public var description: String {
        switch self {
        case .badVaultKeyFile(let path, let reason): "vault key \(path): \(reason)"
        case .wrongVaultKey(let path):
            "vault key \(path) is not the key this database's personal data is sealed with"
        case .vaultKeyRequired(let action):
            "\(action) needs the vault key: this database seals personal data"
        case .sealedRecordAltered(let event): "the sealed personal data of event \(event) does not open: it was altered"
        case .unknownCase(let id): "no case \(id)"
        case .missingPolicy(let hash): "the policy \(hash.prefix(12))… of a case is missing from the database"
        }
    }
}
