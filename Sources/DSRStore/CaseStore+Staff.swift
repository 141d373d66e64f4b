import DSRCore
import Foundation
import GRDB

/// A change to a staff account, as a use case asks for it.
public enum StaffChange: Sendable {
    case add(login: String, role: Role, displayName: String?)
    case changeRole(login: String, role: Role)
    case disable(login: String)

    /// The login the change is about.
    public var login: String {
        switch self {
        case .add(let login, _, _), .changeRole(let login, _), .disable(let login): login
        }
    }
}

extension CaseStore {
    /// Every staff account, by login.
    public func accounts() throws -> [StaffAccount] {
        try pool.read { db in try AccountRow.order(AccountRow.Columns.login).fetchAll(db).map { try $0.account() } }
    }

    /// The account of `login`, if there is one.
    public func account(login: String) throws -> StaffAccount? {
        try pool.read { db in try AccountRow.fetchOne(db, key: login)?.account() }
    }

    /// Applies staff changes in one transaction: each becomes an event of the tracker and
    /// updates the account row. `permit` sees the accounts as they stand inside the
    /// transaction and refuses (throws) a change that is not allowed, before anything is written.
    @discardableResult
    public func changeStaff(
        _ changes: [StaffChange], actor: String, now: Instant,
        permit: ([StaffAccount], StaffChange) throws -> Void
    ) throws -> [StaffAccount] {
        try bulk { session in
            var changed: [StaffAccount] = []
            for change in changes {
                let accounts = try AccountRow.fetchAll(session.db).map { try $0.account() }
                try permit(accounts, change)
                let existing = accounts.first { $0.login == change.login }
                let event: Event
                switch change {
                case .add(let login, let role, _): event = .staffAdded(login: login, role: role)
                case .changeRole(let login, let role): event = .staffRoleChanged(login: login, role: role)
                case .disable(let login): event = .staffDisabled(login: login)
                }
                let record = try session.writer.append(
                    event, to: .tracker, personal: [:], occurredAt: now, recordedAt: now, actor: actor)
                var account =
                    existing
                    ?? StaffAccount(
                        login: change.login, role: .clerk, createdAt: now, lastEventID: record.id)
                switch change {
                case .add(_, let role, let displayName):
                    account.role = role
                    account.displayName = displayName
                    account.enabled = true
                case .changeRole(_, let role): account.role = role
                case .disable: account.enabled = false
                }
                account.lastEventID = record.id
                try AccountRow(account).save(session.db)
                changed.append(account)
            }
            return changed
        }
    }

    /// A setting of the database (a small text by key), if set.
    public func setting(_ key: String) throws -> String? {
        try pool.read { db in try SettingRow.fetchOne(db, key: key)?.value }
    }

    /// Sets a setting of the database.
    public func setSetting(_ key: String, to value: String) throws {
        try write { db in try SettingRow(key: key, value: value).save(db) }
    }
}
