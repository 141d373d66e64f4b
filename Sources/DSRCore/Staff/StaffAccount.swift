/// A member of staff who may use the tracker: a login, a role, whether the account is in use.
/// Every change to it is an event of the tracker (`staff-added`, `staff-role-changed`,
/// `staff-disabled`) in the hash chain; the account is their projection. Credentials (the web
/// server's passwords and second factors) belong apart from it, keyed by `login`.
public struct StaffAccount: Sendable, Equatable {
    /// The login name: the actor recorded with each event.
    public var login: String
    public var role: Role
    /// The name people see (optional; staff data, never written into the chain).
    public var displayName: String?
    /// Whether the account may act; a disabled account is kept for the record.
    public var enabled: Bool
    /// When the account was created.
    public var createdAt: Instant
    /// The event that last changed the account.
    public var lastEventID: EventID

    public init(
        login: String, role: Role, displayName: String? = nil, enabled: Bool = true, createdAt: Instant,
        lastEventID: EventID
    ) {
        self.login = login
        self.role = role
        self.displayName = displayName
        self.enabled = enabled
        self.createdAt = createdAt
        self.lastEventID = lastEventID
    }
}
