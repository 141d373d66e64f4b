import DSRCore
import GRDB

/// A member of staff who may use the tracker: a login, a role, whether the account is in use.
/// Every change to it is an event of the tracker (`staff-added`, `staff-role-changed`,
/// `staff-disabled`) in the hash chain; this row is its projection. Credentials (the web
/// server's passwords and second factors) belong in a table of their own keyed by `login`.
public struct StaffAccount: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "account"

    /// The login name: the actor recorded with each event.
    public var login: String
    public var role: Role
    /// The name people see (optional; staff data, never written into the chain).
    public var displayName: String?
    /// Whether the account may act; a disabled account is kept for the record.
    public var enabled: Bool
    /// When the account was created (seconds since the epoch).
    public var createdAt: Int64
    /// The event that last changed the account.
    public var lastEventId: Int64

    public enum Columns {
        public static let login = Column(CodingKeys.login)
    }
}

extension Role: Codable {}
