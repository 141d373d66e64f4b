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
        try writeBatch { batch, _ in try batch.changeStaff(changes, actor: actor, role: role, now: now) }
    }

    /// Creates an account for each user of a policy's staff list, unchecked: the one-time
    /// migration from the policy's `<users>` (README, "Roles"). Each is a `staff-added` event.
    public func seedStaff(_ users: [StaffUser], actor: String, now: Instant) throws {
        try writeBatch { batch, _ in try batch.seedStaff(users, actor: actor, now: now) }
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
