/// What can go wrong with the store. Messages never quote personal data or SQL arguments.
public enum DSRStoreError: Error, Equatable, CustomStringConvertible {
    /// The database file or its folder cannot be created or opened.
    case cannotOpen(path: String, reason: String)
    /// The database belongs to a newer version of dsr.
    case newerSchema(String)
    /// A write failed in SQLite.
    case database(String)
    /// A file offered as a backup is not one that can be restored.
    case notABackup(String, String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "\(path): cannot open the database: \(reason)"
        case .newerSchema(let name):
            return "the database was written by a newer dsr (migration '\(name)' unknown); update dsr"
        case .database(let message): return "database error: \(message)"
        case .notABackup(let path, let reason): return "\(path): not restored: \(reason)"
        }
    }
}
