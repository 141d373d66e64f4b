import Foundation

/// Where a PostgreSQL tracker lives, read from a libpq-style URL:
/// `postgres://user:password@host:port/database?sslmode=…` (`postgresql://` too), or a Unix
/// socket folder as `?host=/var/run/postgresql`. Messages and logs show ``redacted``, never
/// the password.
public struct PostgresURL: Sendable, Equatable {
    /// How the connection is encrypted, by libpq's names.
    public enum TLSMode: String, Sendable, CaseIterable {
        /// Plain text (a Unix socket, or loopback).
        case disable
        /// TLS if the server offers it, without checking its certificate (libpq's default).
        case prefer
        /// TLS, without checking the certificate.
        case require
        /// TLS, the certificate checked against the system's authorities, not the host name.
        case verifyCA = "verify-ca"
        /// TLS, certificate and host name checked.
        case verifyFull = "verify-full"
    }

    /// Where the server is: a host and port, or the folder of its Unix socket and the port
    /// that names the socket (`FOLDER/.s.PGSQL.PORT`).
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        case unixSocket(folder: String, port: Int)
    }

    public var endpoint: Endpoint
    public var user: String
    public var password: String?
    public var database: String
    public var tlsMode: TLSMode
    /// How long connecting may take (`connect_timeout`, seconds; libpq's default is none,
    /// here 10).
    public var connectTimeout: Int
    /// The name the server shows for the connection (`application_name`), default `dsr`.
    public var applicationName: String

    /// Why a text is not a PostgreSQL URL; never quotes the password.
    public struct Invalid: Error, CustomStringConvertible, Equatable {
        public let reason: String
        public var description: String { "not a PostgreSQL URL: \(reason)" }
    }

    /// Whether a `--database` value names PostgreSQL (rather than a SQLite file).
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads a URL; the user defaults to `$USER`'s name as libpq does, here to `dsr`.
    public init(_ text: String) throws {
        guard Self.isPostgres(text), let components = URLComponents(string: text) else {
            throw Invalid(reason: "expected postgres://user@host:port/database")
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard let value = item.value, query[item.name] == nil else {
                throw Invalid(reason: "parameter '\(item.name)' without a value or given twice")
            }
            query[item.name] = value
        }
        let known: Set = ["sslmode", "host", "port", "user", "dbname", "application_name", "connect_timeout"]
        if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
            throw Invalid(reason: "unknown parameter '\(unknown)'")
        }
        let socketFolder = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        let host = components.percentEncodedHost.flatMap { $0.removingPercentEncoding } ?? ""
        let portText = query["port"] ?? components.port.map(String.init)
        guard let port = portText.map({ Int($0) }) ?? 5432, (1...65_535).contains(port) else {
            throw Invalid(reason: "the port must be a number from 1 to 65535")
        }
        if let socketFolder {
            endpoint = .unixSocket(folder: socketFolder, port: port)
        } else {
            let name = query["host"] ?? host
            guard !name.isEmpty else { throw Invalid(reason: "no host (or ?host=/socket/folder)") }
            endpoint = .tcp(host: name, port: port)
        }
        user = query["user"] ?? components.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? "dsr"
        password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        let path = components.percentEncodedPath.dropFirst()
        database = query["dbname"] ?? path.removingPercentEncoding ?? ""
        guard !database.isEmpty, !database.contains("/") else {
            throw Invalid(reason: "no database name after the host (postgres://host/database)")
        }
        let mode = query["sslmode"] ?? (socketFolder == nil ? "prefer" : "disable")
        guard let tlsMode = TLSMode(rawValue: mode) else {
            throw Invalid(
                reason: "sslmode must be one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.tlsMode = tlsMode
        guard let timeout = Int(query["connect_timeout"] ?? "10"), (1...3_600).contains(timeout) else {
            throw Invalid(reason: "connect_timeout must be a number of seconds from 1 to 3600")
        }
        connectTimeout = timeout
        applicationName = query["application_name"] ?? "dsr"
    }

    /// The URL without its password, for messages, logs and `dsr info`.
    public var redacted: String {
        switch endpoint {
        case .tcp(let host, let port):
            let place = (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
            return "postgres://\(user)@\(place)/\(database)?sslmode=\(tlsMode.rawValue)"
        case .unixSocket(let folder, let port):
            return "postgres://\(user)@/\(database)?host=\(folder)&port=\(port)&sslmode=\(tlsMode.rawValue)"
        }
    }
}
