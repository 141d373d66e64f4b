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

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "\(path): cannot open the database: \(reason)"
        case .unknownCase(let id): return "no case \(id)"
        case .newerSchema(let name):
            return "the database was written by a newer dsr (migration '\(name)' unknown); update dsr"
        case .database(let message): return "database error: \(message)"
        case .missingPolicy(let hash): return "the policy \(hash.prefix(12))… of a case is missing from the database"
        case .notABackup(let path, let reason): return "\(path): not restored: \(reason)"
        }
    }
}
