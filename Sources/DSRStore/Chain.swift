import Crypto
import DSRCore
import Foundation

/// The hash chain over the event log and the commitments to personal data.
enum Chain {
    /// The "previous hash" of the first event: 32 zero bytes.
    static let genesis = Data(repeating: 0, count: 32)

    /// `SHA-256(previous ‖ canonical bytes)`.
    static func hash(previous: Data, canonical: ByteBuffer) -> Data {
        var hasher = SHA256()
        hasher.update(data: previous)
        canonical.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return Data(hasher.finalize())
    }

    /// SHA-256 of some bytes.
    static func sha256(_ data: Data) -> Data {
        Data(SHA256.hash(data: data))
    }

    /// A fresh random key for one vault record and the HMAC-SHA-256 (hex) of `text` under it.
    static func commit(_ text: String) -> (key: Data, commitment: String) {
        let key = SymmetricKey(size: .bits256)
        let keyData = key.withUnsafeBytes { Data($0) }
        return (keyData, commitment(to: Data(text.utf8), key: keyData))
    }

    /// The HMAC-SHA-256 (hex) of `content` under `key`.
    static func commitment(to content: Data, key: Data) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: content, using: SymmetricKey(data: key))
        return Data(mac).hexString
    }
}

extension Data {
    /// Lower-case hexadecimal.
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 2)
        for byte in self {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
