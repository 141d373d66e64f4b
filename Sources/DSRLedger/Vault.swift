import DSRCore
import Foundation

/// How this database keeps the vault's texts: in plain text, sealed under a key the process
/// holds, or sealed under a key it was not given (locked: names cannot be read or written).
package enum Vault: Sendable {
    case plain
    /// Plain so far, and the process holds a key the database has not adopted yet (`adopt`).
    case unsealed(VaultKey)
    case sealed(VaultKey)
    case locked

    /// The setting that holds the fingerprint of the key the vault is sealed with.
    package static let fingerprintSetting = "vault-key-fingerprint"

    /// The mode of a record whose texts are sealed with the key of `fingerprint` (nil: not
    /// sealed) for a process holding `key` (nil: none given).
    package static func mode(key: VaultKey?, fingerprint: String?) throws -> Vault {
        switch (key, fingerprint) {
        case (nil, nil): return .plain
        case (nil, .some): return .locked
        case (let key?, let stored?):
            guard stored == key.fingerprint else { throw LedgerError.wrongVaultKey(path: key.path) }
            return .sealed(key)
        case (let key?, nil): return .unsealed(key)
        }
    }

    /// Whether texts are sealed, and whether this process can open them.
    package var state: (sealed: Bool, readable: Bool) {
        switch self {
        case .plain, .unsealed: (false, true)
        case .sealed: (true, true)
        case .locked: (true, false)
        }
    }

    /// Whether the process holds a key the record has not adopted yet.
    package var awaitsAdoption: Bool {
        if case .unsealed = self { return true }
        return false
    }

    /// Whether texts are sealed in this database (with or without the key at hand).
    package var isSealed: Bool {
        switch self {
        case .plain, .unsealed: false
        case .sealed, .locked: true
        }
    }

    /// The stored form of a new text for event `eventID`, field `field`.
    package func store(_ text: String, eventID: Int64, field: PersonalField) throws -> (content: Data, sealed: Bool) {
        switch self {
        case .plain: return (Data(text.utf8), false)
        case .sealed(let key), .unsealed(let key):
            return (try key.seal(Data(text.utf8), eventID: eventID, field: field.rawValue), true)
        case .locked: throw LedgerError.vaultKeyRequired(action: "recording personal data")
        }
    }

    /// The plain bytes of a stored record; nil if it is sealed and there is no key.
    package func plainBytes(content: Data, sealed: Bool, eventID: Int64, field: String) throws -> Data? {
        guard sealed else { return content }
        switch self {
        case .sealed(let key):
            guard let plain = key.unseal(content, eventID: eventID, field: field) else {
                throw LedgerError.sealedRecordAltered(event: eventID)
            }
            return plain
        case .plain, .unsealed, .locked: return nil
        }
    }

    /// A stored record as the domain sees it: its text, erased, or sealed (no key).
    package func text(content: Data?, sealed: Bool, eventID: Int64, field: String) throws -> VaultText {
        guard let content else { return .erased }
        guard let plain = try plainBytes(content: content, sealed: sealed, eventID: eventID, field: field) else {
            return .sealed
        }
        return .text(String(decoding: plain, as: UTF8.self))
    }
}
