import DSRCore
import DSRLedger
import Foundation
import GRDB

extension CaseStore {
    /// Every staff account, by login.
    public func accounts() throws -> [StaffAccount] {
        try pool.read { db in try AccountRow.order(AccountRow.Columns.login).fetchAll(db).map { try $0.account() } }
    }

    /// Applies staff changes in one transaction, each checked by `StaffRules` against the
    /// accounts as they stand there: each becomes an event of the tracker and updates the
    /// account row. `actor` has `role` (nil: single-user mode). Nothing is written if one is refused.
    @discardableResult
    public func changeStaff(
        _ changes: [StaffChange], actor: String, role: Role?, now: Instant
    ) throws -> [StaffAccount] {
        try writeBatch { session in
            var changed: [StaffAccount] = []
            for change in changes {
                let accounts = try AccountRow.fetchAll(session.db).map { try $0.account() }
                try StaffRules.permit(change, by: actor, role: role, accounts: accounts)
                let record = try session.writer.append(
                    change.event, to: .tracker, personal: [:], occurredAt: now, recordedAt: now, actor: actor)
                let account = change.applied(
                    to: accounts.first { $0.login == change.login }, at: now, by: record.id)
                try AccountRow(account).save(session.db)
                changed.append(account)
            }
            return changed
        }
    }

    /// Creates an account for each user of a policy's staff list, unchecked: the one-time
    /// migration from the policy's `<users>` (README, "Roles"). Each is a `staff-added` event.
    public func seedStaff(_ users: [StaffUser], actor: String, now: Instant) throws {
        try writeBatch { session in
            for user in users {
                let change = StaffChange.add(login: user.login, role: user.role, displayName: nil)
                let record = try session.writer.append(
                    change.event, to: .tracker, personal: [:], occurredAt: now, recordedAt: now, actor: actor)
                try AccountRow(change.applied(to: nil, at: now, by: record.id)).save(session.db)
            }
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
