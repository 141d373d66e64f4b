import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import Synchronization

/// One connection to a PostgreSQL server, used synchronously by the tracker's threads (the
/// repository protocol is synchronous, as SQLite's is). Requests wait on postgres-nio's futures
/// from an event loop group of their own, so a caller on any other thread may block; one
/// request or transaction runs at a time.
///
/// When the server goes away (restarted, failed over), the request in flight fails with
/// ``PostgresFailure/Kind/unavailable`` and is never repeated (a write may or may not have
/// been committed); the next request connects again by itself.
public final class PostgresLink: @unchecked Sendable {
    /// The event loop of every link: waiting on it from the server's threads is safe because
    /// none of them belongs to it.
    private static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private static let ids = Mutex(0)

    public let url: PostgresURL
    private var configuration: PostgresConnection.Configuration
    private let logger: Logger
    /// Held for a request or a whole transaction; guards `connection`.
    private let lock = NSRecursiveLock()
    /// The open connection; nil after it broke, until the next request.
    private var connection: PostgresConnection?
    /// Whether a transaction is open on `connection`: then a broken connection fails the
    /// transaction instead of being replaced under it (its statements would run outside it).
    private var inTransaction = false

    /// Connects and signs in, or fails with `.unavailable` (or `.refused` for a wrong role
    /// or password).
    public static func connect(_ url: PostgresURL, logger: Logger) throws -> PostgresLink {
        let link = try PostgresLink(url: url, logger: logger)
        try link.lock.withLock { _ = try link.open() }
        return link
    }

    private init(url: PostgresURL, logger: Logger) throws {
        self.url = url
        self.logger = logger
        do {
            switch url.endpoint {
            case .tcp(let host, let port):
                configuration = .init(
                    host: host, port: port, username: url.user, password: url.password, database: url.database,
                    tls: try Self.tls(url.tlsMode))
            case .unixSocket(let folder, let port):
                configuration = .init(
                    unixSocketPath: "\(folder)/.s.PGSQL.\(port)", username: url.user, password: url.password,
                    database: url.database)
            }
        } catch {
            throw PostgresFailure(kind: .refused, sqlState: nil, message: "TLS could not be set up: \(error)")
        }
        configuration.options.connectTimeout = .seconds(Int64(url.connectTimeout))
        configuration.options.additionalStartupParameters = [("application_name", url.applicationName)]
    }

    /// The open connection, connecting first if there is none or it closed (call with `lock`).
    private func open() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        guard !inTransaction else {
            throw PostgresFailure(kind: .unavailable, sqlState: nil, message: "the connection broke in a transaction")
        }
        let id = Self.ids.withLock { value in
            value += 1
            return value
        }
        do {
            let opened = try PostgresConnection.connect(
                on: Self.group.next(), configuration: configuration, id: id, logger: logger
            ).wait()
            connection = opened
            return opened
        } catch {
            throw PostgresFailure(error)
        }
    }

    /// Runs `request` on the open connection; forgets a connection that broke.
    private func withConnection<T>(_ request: (PostgresConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let connection = try open()
        do {
            return try request(connection)
        } catch {
            let failure = PostgresFailure(error)
            if failure.kind == .unavailable {
                self.connection = nil
                try? connection.close().wait()
                logger.warning("PostgreSQL connection lost", metadata: ["database": "\(url.redacted)"])
            }
            throw failure
        }
    }

    /// The TLS setting for a libpq `sslmode`.
    private static func tls(_ mode: PostgresURL.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable: return .disable
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        let context = try NIOSSLContext(configuration: configuration)
        return mode == .prefer ? .prefer(context) : .require(context)
    }

    /// Runs one statement (binds travel apart from the text) and returns its rows.
    @discardableResult
    public func query(_ query: PostgresQuery) throws -> [PostgresRow] {
        try withConnection { Array(try $0.query(query, logger: logger).wait().rows) }
    }

    /// Runs statements without binds (a migration's DDL), one at a time: postgres-nio prepares
    /// each request, and a prepared statement holds one command.
    public func execute(script: String) throws {
        for statement in SQLScript.statements(of: script) {
            try query(PostgresQuery(unsafeSQL: statement))
        }
    }

    /// The isolation of a transaction, as `BEGIN ISOLATION LEVEL` names it.
    public enum Isolation: String, Sendable {
        case readCommitted = "READ COMMITTED"
        case serializable = "SERIALIZABLE"
        /// One snapshot for the whole transaction, and no writes (verification).
        case snapshot = "REPEATABLE READ READ ONLY"
    }

    /// Runs `body` in one transaction, committed if it returns and rolled back if it throws.
    /// A serialisation failure or deadlock rolls back and runs `body` again (up to `attempts`
    /// times, with a short random pause), so writers that collide are never shown an error.
    public func transaction<T>(
        _ isolation: Isolation = .readCommitted, attempts: Int = 20, _ body: (PostgresLink) throws -> T
    ) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        var attempt = 1
        while true {
            do {
                try execute(script: "BEGIN ISOLATION LEVEL \(isolation.rawValue)")
                inTransaction = true
                defer { inTransaction = false }
                let result = try body(self)
                try execute(script: "COMMIT")
                return result
            } catch let failure as PostgresFailure where failure.kind == .conflict && attempt < attempts {
                rollback()
                attempt += 1
                logger.debug(
                    "transaction retried after a conflict", metadata: ["sqlstate": "\(failure.sqlState ?? "")"])
                usleep(UInt32.random(in: 1_000...(5_000 * UInt32(min(attempt, 10)))))
            } catch {
                rollback()
                throw error
            }
        }
    }

    /// Ends a failed transaction on its connection; a broken one ended it already.
    private func rollback() {
        guard connection != nil else { return }
        try? execute(script: "ROLLBACK")
    }

    /// A link given up without `close` closes its connection (postgres-nio insists on it).
    deinit {
        try? connection?.close().wait()
    }

    /// Closes the connection (a broken one quietly). The owner of a link closes it.
    public func close() {
        lock.withLock {
            try? connection?.close().wait()
            connection = nil
        }
    }
}
