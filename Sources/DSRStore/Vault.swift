import DSRCore
import Foundation
import GRDB

/// How this database keeps the vault's texts: in plain text, sealed under a key the process
/// holds, or sealed under a key it was not given (locked: names cannot be read or written).
enum Vault: Sendable {
    case plain
    /// Plain so far, and the process holds a key the database has not adopted yet (`adopt`).
    case unsealed(VaultKey)
    case sealed(VaultKey)
    case locked

    /// The setting that holds the fingerprint of the key the vault is sealed with.
    static let fingerprintSetting = "vault-key-fingerprint"

    /// The mode of the database `db` for `key` (nil: none given); reads only.
    static func open(_ db: Database, key: VaultKey?) throws -> Vault {
        let fingerprint = try SettingRow.fetchOne(db, key: fingerprintSetting)?.value
        switch (key, fingerprint) {
        case (nil, nil): return .plain
        case (nil, .some): return .locked
        case (let key?, let stored?):
            guard stored == key.fingerprint else { throw DSRStoreError.wrongVaultKey(path: key.path) }
            return .sealed(key)
        case (let key?, nil): return .unsealed(key)
        }
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

    /// Whether texts are sealed in this database (with or without the key at hand).
    var isSealed: Bool {
        switch self {
        case .plain, .unsealed: false
        case .sealed, .locked: true
        }
    }

    /// The stored form of a new text for event `eventID`, field `field`.
    func store(_ text: String, eventID: Int64, field: PersonalField) throws -> (content: Data, sealed: Bool) {
        switch self {
        case .plain: return (Data(text.utf8), false)
        case .sealed(let key), .unsealed(let key):
            return (try key.seal(Data(text.utf8), eventID: eventID, field: field.rawValue), true)
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
        case .plain, .unsealed, .locked: return nil
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
