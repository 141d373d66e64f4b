import PostgresNIO

/// Why a PostgreSQL request failed, in one line without personal data: the server's SQLSTATE
/// and primary message (never its DETAIL, which quotes the values of a row), or that the
/// connection is gone.
public struct PostgresFailure: Error, CustomStringConvertible, Equatable {
    /// What went wrong, as the caller must react.
    public enum Kind: Sendable, Equatable {
        /// The server is unreachable or the connection broke: retry later (503).
        case unavailable
        /// Another transaction got in the way (serialisation failure, deadlock): run it again.
        case conflict
        /// The server refused the request (a constraint, a privilege, a trigger).
        case refused
    }

    public let kind: Kind
    /// The SQLSTATE (`42501`, `40001`, …), when the server sent one.
    public let sqlState: String?
    public let message: String

    public var description: String {
        sqlState.map { "PostgreSQL \($0): \(message)" } ?? "PostgreSQL: \(message)"
    }

    /// The failure a postgres-nio error stands for (its current `PSQLError` or the legacy
    /// `PostgresError` of the simple query protocol).
    init(_ error: any Error) {
        switch error {
        case let error as PSQLError:
            if let state = error.serverInfo?[.sqlState] {
                self.init(sqlState: state, message: error.serverInfo?[.message])
            } else {
                self.init(kind: .unavailable, sqlState: nil, message: "the connection failed (\(error.code))")
            }
        case PostgresError.server(let response):
            self.init(sqlState: response.fields[.sqlState], message: response.fields[.message])
        case PostgresError.connectionClosed:
            self.init(kind: .unavailable, sqlState: nil, message: "the connection was closed")
        default:
            self.init(kind: .unavailable, sqlState: nil, message: "\(type(of: error)): the connection failed")
        }
    }

    /// A failure the server reported, classified by its SQLSTATE.
    private init(sqlState: String?, message: String?) {
        let state = sqlState ?? ""
        // Class 08 is a connection exception, 57P01–57P03 an administrator's shutdown.
        let unavailable = state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
        self.init(
            kind: ["40001", "40P01"].contains(state) ? .conflict : unavailable ? .unavailable : .refused,
            sqlState: sqlState, message: message ?? "no message")
    }

    init(kind: Kind, sqlState: String?, message: String) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
    }
}
