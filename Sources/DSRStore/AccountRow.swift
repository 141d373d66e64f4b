import DSRCore
import DSRLedger
import GRDB

/// The row of a staff account (table `account`, migration `v3-staff-accounts`).
struct AccountRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "account"

    var login: String
    var role: String
    var displayName: String?
    var enabled: Bool
    var createdAt: Int64
    var lastEventId: Int64

    enum Columns {
        static let login = Column(CodingKeys.login)
    }

    init(_ account: StaffAccount) {
        login = account.login
        role = account.role.rawValue
        displayName = account.displayName
        enabled = account.enabled
        createdAt = account.createdAt.secondsSinceEpoch
        lastEventId = account.lastEventID.rawValue
    }

    /// The account this row holds.
    func account() throws -> StaffAccount {
        guard let role = Role(rawValue: role) else {
            throw DSRCoreError.corruptRecord("the staff account of a login has an unknown role")
        }
        return StaffAccount(
            login: login, role: role, displayName: displayName, enabled: enabled,
            createdAt: Instant(secondsSinceEpoch: createdAt), lastEventID: EventID(lastEventId))
    }
}
