import DSRCore
import DSRLedger
import Foundation
import GRDB

extension Vault {
    /// The mode of the database `db` for `key` (nil: none given); reads only.
    static func open(_ db: Database, key: VaultKey?) throws -> Vault {
        let fingerprint = try SettingRow.fetchOne(db, key: fingerprintSetting)?.value
        return try mode(key: key, fingerprint: fingerprint)
    }

    /// Makes the database adopt `key` inside the write transaction of `db`: stores its
    /// fingerprint and seals every text already in the vault.
    static func adopt(_ db: Database, key: VaultKey) throws -> Vault {
        try SettingRow(key: fingerprintSetting, value: key.fingerprint).insert(db)
        let rows = try Row.fetchAll(
            db, sql: "SELECT eventId, field, content FROM vault WHERE content IS NOT NULL AND sealed = 0")
        for row in rows {
            let eventID: Int64 = row[0]
            let field: String = row[1]
            try db.execute(
                sql: "UPDATE vault SET content = ?, sealed = 1 WHERE eventId = ? AND field = ?",
                arguments: [try key.seal(row[2], eventID: eventID, field: field), eventID, field])
        }
        return .sealed(key)
    }
}
