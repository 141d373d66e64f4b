import DSRPostgres

/// Which database holds a tracker: a SQLite file (the embedded default) or a PostgreSQL
/// database that several servers share.
public enum DatabaseAddress: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// Reads `postgres://…` or `postgresql://…` (libpq's URL form), `sqlite:PATH`, or a plain
    /// file path; refuses a URL of any other scheme in one line that never quotes a password.
    public init(_ text: String) throws {
        if PostgresURL.isPostgres(text) {
            self = .postgres(try AppError.mapping { try PostgresURL(text) })
        } else if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else {
                throw AppError(.badInput, "sqlite: needs a file path (sqlite:/path/dsr.sqlite)")
            }
            self = .sqlite(path: path)
        } else if let colon = text.firstIndex(of: ":"), text[text.index(after: colon)...].hasPrefix("//") {
            throw AppError(
                .badInput,
                "the database must be postgres://…, postgresql://…, sqlite:PATH or a file path, not \(text[..<colon])://"
            )
        } else {
            guard !text.isEmpty else { throw AppError(.badInput, "the database is empty: give a file path or a URL") }
            self = .sqlite(path: text)
        }
    }

    /// As messages name it: the path, or the URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): url.redacted
        }
    }
}
