import Crypto
import Foundation

/// Encrypts each stored vault text under a key of its own (AES-256-GCM, bound to its event
/// and field), kept in `vault_key` apart from the text: deleting the key erases the text in
/// every old row version PostgreSQL still holds (crypto-shredding).
enum RecordCipher {
    /// The text's stored bytes encrypted under a fresh key; the key, to be kept apart.
    static func encrypt(_ content: Data, eventID: Int64, field: String) throws -> (dataKey: Data, box: Data) {
        let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return (key, try encrypt(content, dataKey: key, eventID: eventID, field: field))
    }

    /// The text's stored bytes encrypted under its existing key (a fresh nonce each time).
    static func encrypt(_ content: Data, dataKey: Data, eventID: Int64, field: String) throws -> Data {
        let box = try AES.GCM.seal(content, using: SymmetricKey(data: dataKey), authenticating: context(eventID, field))
        guard let combined = box.combined else { throw CryptoKitError.incorrectParameterSize }
        return combined
    }

    /// The stored bytes again; nil if the box or the key was altered, or belongs elsewhere.
    static func decrypt(
        _ box: some DataProtocol, dataKey: some ContiguousBytes, eventID: Int64, field: String
    ) -> Data? {
        guard let sealed = try? AES.GCM.SealedBox(combined: box) else { return nil }
        return try? AES.GCM.open(sealed, using: SymmetricKey(data: dataKey), authenticating: context(eventID, field))
    }

    /// The authenticated data that binds a box to its place: `dsr-vault-record:<event>:<field>`.
    /// Built byte by byte: verification opens every box, and string interpolation showed there.
    private static func context(_ eventID: Int64, _ field: String) -> [UInt8] {
        var context: [UInt8] = []
        context.reserveCapacity(48)
        context += "dsr-vault-record:".utf8
        context += String(eventID).utf8
        context.append(UInt8(ascii: ":"))
        context += field.utf8
        return context
    }
}
