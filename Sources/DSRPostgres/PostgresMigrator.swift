import PostgresNIO

/// Applies the named migrations (``PostgresSchema``) as the schema's owner role and grants the
/// server's role its rights. Servers that start at once on one database take turns on an
/// advisory lock, so each migration runs once.
public enum PostgresMigrator {
    /// The names of all migrations this build knows, in order.
    public static var names: [String] { PostgresSchema.migrations.map(\.name) }

    /// The names of the migrations applied to the database (none before the first).
    public static func applied(_ link: PostgresLink) throws -> [String] {
        let exists = try link.query("SELECT to_regclass('dsr_migration') IS NOT NULL")
        guard try exists.first?.decode(Bool.self) == true else { return [] }
        return try link.query("SELECT name FROM dsr_migration ORDER BY applied_at, name").map {
            try $0.decode(String.self)
        }
    }

    /// Applies what is missing, each migration in its own transaction, then grants
    /// `serverRole` the rights of ``PostgresSchema/serverRights`` (again, harmlessly, if they
    /// were granted). Returns the names applied now.
    @discardableResult
    public static func migrate(_ link: PostgresLink, serverRole: String) throws -> [String] {
        let role = try quotedIdentifier(serverRole)
        return try link.transaction { link in
            // 0x647372 is "dsr": the lock only this program takes.
            try link.query("SELECT pg_advisory_xact_lock(6583154)")
            try link.execute(
                script: """
                    CREATE TABLE IF NOT EXISTS dsr_migration (
                        name text PRIMARY KEY,
                        applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
                    )
                    """)
            let done = Set(try applied(link))
            var appliedNow: [String] = []
            for (name, script) in PostgresSchema.migrations where !done.contains(name) {
                try link.execute(script: script)
                try link.query("INSERT INTO dsr_migration (name) VALUES (\(name))")
                appliedNow.append(name)
            }
            for (table, rights) in PostgresSchema.serverRights {
                try link.execute(script: "GRANT \(rights) ON \(table) TO \(role)")
            }
            // UPDATE: a copied record sets the API tokens' identity past the copied ids (setval).
            try link.execute(script: "GRANT USAGE, UPDATE ON ALL SEQUENCES IN SCHEMA public TO \(role)")
            try link.execute(script: "GRANT SELECT ON dsr_migration TO \(role)")
            return appliedNow
        }
    }

    /// A role name as a quoted SQL identifier; refuses what is not a plain name.
    static func quotedIdentifier(_ name: String) throws -> String {
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        guard !name.isEmpty, name.count <= 63, allowed else {
            throw PostgresFailure(
                kind: .refused, sqlState: nil,
                message: "the server's role must be a name of lower-case letters, digits, '_' and '-'")
        }
        return "\"\(name)\""
    }
}
