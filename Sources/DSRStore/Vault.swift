import DSRCore
import Foundation
import GRDB

/// How this database keeps the vault's texts: in plain text, sealed under a key the process
/// holds, or sealed under a key it was not given (locked: names cannot be read or written).
enum Vault: Sendable {
    case plain
    case sealed(VaultKey)
    case locked

    /// The setting that holds the fingerprint of the key the vault is sealed with.
    static let fingerprintSetting = "vault-key-fingerprint"

    /// The mode of the database `db` for `key` (nil: none given). The first time a key is
    /// given, the database adopts it: the fingerprint is stored and every text already in
    /// the vault is sealed, in one transaction.
    static func open(_ db: Database, key: VaultKey?) throws -> Vault {
        let fingerprint = try SettingRow.fetchOne(db, key: fingerprintSetting)?.value
        switch (key, fingerprint) {
        case (nil, nil): return .plain
        case (nil, .some): return .locked
        case (let key?, let stored?):
            guard stored == key.fingerprint else { throw DSRStoreError.wrongVaultKey(path: key.path) }
            return .sealed(key)
        case (let key?, nil):
            try SettingRow(key: fingerprintSetting, value: key.fingerprint).insert(db)
            let rows = try Row.fetchAll(db, sql: "SELECT eventId, field, content FROM vault WHERE content IS NOT NULL AND sealed = 0")
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

    /// Whether texts are sealed in this database (with or without the key at hand).
    var isSealed: Bool {
        if case .plain = self { return false }
        return true
    }

    /// The stored form of a new text for event `eventID`, field `field`.
    func store(_ text: String, eventID: Int64, field: PersonalField) throws -> (content: Data, sealed: Bool) {
        switch self {
        case .plain: return (Data(text.utf8), false)
        case .sealed(let key): return (try key.seal(Data(text.utf8), eventID: eventID, field: field.rawValue), true)
        case .locked: throw DSRStoreError.vaultKeyRequired(action: "recording personal data")
        }
    }

    /// The plain bytes of a stored record; nil if it is sealed and there is no key.
    func plainBytes(content: Data, sealed: Bool, eventID: Int64, field: String) throws -> Data? {
        guard sealed else { return content }
        switch self {
        case .sealed(let key):
            guard let plain = key.unseal(content, eventID: eventID, field: field) else {
                throw DSRStoreError.sealedRecordAltered(event: eventID)
            }
            return plain
        case .plain, .locked: return nil
        }
    }

    /// A stored record as the domain sees it: its text, erased, or sealed (no key).
    func text(content: Data?, sealed: Bool, eventID: Int64, field: String) throws -> VaultText {
        guard let content else { return .erased }
        guard let plain = try plainBytes(content: content, sealed: sealed, eventID: eventID, field: field) else {
            return .sealed
        }
        return .text(String(decoding: plain, as: UTF8.self))
    }
}
