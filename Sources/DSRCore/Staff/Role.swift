/// What a member of staff may do with the tracker. Each role includes the ones below it:
/// a supervisor can do all a clerk can, the data protection officer all a supervisor can.
public enum Role: String, Sendable, CaseIterable, Comparable {
    /// Logs what came in and records the steps of the cases they work on.
    case clerk
    /// Also assigns and reopens cases, sees every case, makes pseudonymous reports and backups.
    case supervisor
    /// Also exports personal data, purges and restores (the data protection officer).
    case dpo

    private var rank: Int {
        switch self {
        case .clerk: 0
        case .supervisor: 1
        case .dpo: 2
        }
    }

    /// Whether `lhs` may do less than `rhs`.
    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

    /// The German name, as messages show it.
    public var germanName: String {
        switch self {
        case .clerk: "Sachbearbeitung"
        case .supervisor: "Leitung"
        case .dpo: "Datenschutzbeauftragte(r)"
        }
    }
}

/// A member of staff the policy lists: a login name and a role.
public struct StaffUser: Sendable, Equatable {
    /// The login name of the account (the actor recorded with each event).
    public var login: String
    public var role: Role

    public init(login: String, role: Role) {
        self.login = login
        self.role = role
    }
}
