import DSRPostgres
import Foundation

/// Which database the store and application suites run on: a SQLite file per test, or with
/// `DSR_TEST_BACKEND=postgres` a fresh PostgreSQL database per test on the test cluster.
/// `.ci/run` runs those suites once on each, so every rule is checked on both backends.
public enum TestBackend {
    /// Whether the suites run on PostgreSQL.
    public static let postgres = ProcessInfo.processInfo.environment["DSR_TEST_BACKEND"] == "postgres"

    /// A new, empty database for one test: a file in `folder`, or a PostgreSQL database.
    public static func freshDatabase(in folder: URL) throws -> FreshDatabase {
        if postgres { return FreshDatabase(sqlitePath: nil, postgres: try TestDatabase.create()) }
        return FreshDatabase(sqlitePath: folder.appendingPathComponent("data/dsr.sqlite").path, postgres: nil)
    }
}

/// A test's own database (see `TestBackend`).
public struct FreshDatabase: Sendable {
    /// The SQLite file, when the suites run on SQLite.
    public let sqlitePath: String?
    /// The PostgreSQL database, when they run on PostgreSQL.
    public let postgres: TestDatabase?

    /// The database as `--database` and `DatabaseAddress` take it: the server role's URL (the test cluster has no passwords) or the file.
    public var address: String {
        if let postgres { return postgres.serverURL.redacted }
        return sqlitePath!
    }

    /// Drops a PostgreSQL database (a file goes with its test's folder).
    public func drop() { postgres?.drop() }
}
