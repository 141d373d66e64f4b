import DSRPostgres
import Foundation
import Logging
import Testing

/// A fresh database on the test cluster (`Tests/postgres/cluster.sh`, which `.ci/run`
/// starts), created by the owner role and dropped at the end.
public struct TestDatabase: Sendable {
    /// The cluster's URL from `DSR_TEST_POSTGRES_URL`, nil when no cluster runs.
    public static let clusterURL: PostgresURL? = ProcessInfo.processInfo.environment["DSR_TEST_POSTGRES_URL"].flatMap {
        try? PostgresURL($0)
    }
    /// The server's role the cluster created.
    public static let serverRole = ProcessInfo.processInfo.environment["DSR_TEST_POSTGRES_SERVER_ROLE"] ?? "dsr_app"
    /// Whether the tests must run (CI sets `DSR_REQUIRE_POSTGRES=1`): then a missing cluster
    /// fails them instead of skipping them.
    public static let required = ProcessInfo.processInfo.environment["DSR_REQUIRE_POSTGRES"] == "1"
    /// Whether the PostgreSQL tests run here.
    public static let enabled = clusterURL != nil || required
    public static let skipReason: Comment =
        "no PostgreSQL test cluster (eval \"$(Tests/postgres/cluster.sh start)\"; CI sets DSR_REQUIRE_POSTGRES=1)"

    public static let logger = Logger(label: "dsr-test")

    /// The owner's URL of the new database.
    public let ownerURL: PostgresURL
    /// The server role's URL of the same database.
    public let serverURL: PostgresURL

    /// Creates a database with a random name; `body` gets it, then it is dropped.
    public static func with<T>(_ body: (TestDatabase) throws -> T) throws -> T {
        let database = try create()
        defer { database.drop() }
        return try body(database)
    }

    /// Creates a database with a random name; the caller drops it.
    public static func create() throws -> TestDatabase {
        let cluster = try #require(clusterURL, "DSR_REQUIRE_POSTGRES=1 but DSR_TEST_POSTGRES_URL is not set")
        let name = "dsr_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgresLink.connect(cluster, logger: logger)
        defer { admin.close() }
        try admin.execute(script: "CREATE DATABASE \(name)")
        var owner = cluster
        owner.database = name
        var server = owner
        server.user = serverRole
        return TestDatabase(ownerURL: owner, serverURL: server)
    }

    /// Drops the database, closing whatever is still connected to it.
    public func drop() {
        guard let cluster = Self.clusterURL, let admin = try? PostgresLink.connect(cluster, logger: Self.logger) else {
            return
        }
        defer { admin.close() }
        try? admin.execute(script: "DROP DATABASE \(ownerURL.database) WITH (FORCE)")
    }

    /// A URL libpq's tools (psql) read.
    public static func libpqURL(_ url: PostgresURL) -> String {
        guard case .tcp(let host, let port) = url.endpoint else { return url.redacted }
        return "postgresql://\(url.user)@\(host):\(port)/\(url.database)?sslmode=disable"
    }

    /// A new database, migrated by the owner; `body` gets it with a connection as the owner
    /// and one as the server's role.
    public static func migrated<T>(_ body: (TestDatabase, _ owner: PostgresLink, _ server: PostgresLink) throws -> T)
        throws
        -> T
    {
        try with { database in
            let owner = try database.owner()
            defer { owner.close() }
            try PostgresMigrator.migrate(owner, serverRole: serverRole)
            let server = try database.server()
            defer { server.close() }
            return try body(database, owner, server)
        }
    }

    /// A connection as the owner role.
    public func owner() throws -> PostgresLink { try PostgresLink.connect(ownerURL, logger: Self.logger) }
    /// A connection as the server's role.
    public func server() throws -> PostgresLink { try PostgresLink.connect(serverURL, logger: Self.logger) }
}
