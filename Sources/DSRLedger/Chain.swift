import Crypto
import DSRCore
import Foundation

/// The hash chain over the event log and the commitments to personal data.
package enum Chain {
    /// The "previous hash" of the first event: 32 zero bytes.
    package static let genesis = Data(repeating: 0, count: 32)

    /// `SHA-256(previous ‖ canonical bytes)`.
    package static func hash(previous: UnsafeRawBufferPointer, canonical: ByteBuffer) -> SHA256.Digest {
        var hasher = SHA256()
        hasher.update(bufferPointer: previous)
        canonical.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hasher.finalize()
    }

    /// SHA-256 of some bytes.
    /// SHA-256 (lower-case hex) of a text's UTF-8 bytes: how policies and letters are named.
    package static func sha256Hex(_ text: String) -> String {
        sha256(Data(text.utf8)).hexString
    }

    package static func sha256(_ data: Data) -> Data {
        Data(SHA256.hash(data: data))
    }

    /// A fresh random key for one vault record and the HMAC-SHA-256 (hex) of `text` under it.
    package static func commit(_ text: String) -> (key: Data, commitment: String) {
        let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        var text = text
        let mac = text.withUTF8 { content in
            key.withUnsafeBytes { Chain.commitment(to: UnsafeRawBufferPointer(content), key: $0) }
        }
        return (key, mac)
    }

    /// The HMAC-SHA-256 (hex) of `content` under `key`.
    package static func commitment(to content: UnsafeRawBufferPointer, key: UnsafeRawBufferPointer) -> String {
        hmacSHA256(key: key, message: content).withUnsafeBytes { hex($0) }
    }

    /// HMAC-SHA-256 (RFC 2104) built on swift-crypto's SHA-256 with the pads on the stack: the
    /// same result as `HMAC<SHA256>` (tested against it and RFC 4231), without its per-call
    /// key objects, which dominate when the vault's records are verified by the hundred
    /// thousand.
    package static func hmacSHA256(key: UnsafeRawBufferPointer, message: UnsafeRawBufferPointer) -> SHA256.Digest {
        let blockSize = 64
        let longKey = key.count > blockSize ? SHA256.hash(data: key) : nil
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: blockSize) { pad in
            pad.initialize(repeating: 0)
            if let longKey {
                longKey.withUnsafeBytes { UnsafeMutableRawBufferPointer(pad).copyBytes(from: $0) }
            } else {
                UnsafeMutableRawBufferPointer(pad).copyBytes(from: key)
            }
            for index in 0..<blockSize { pad[index] ^= 0x36 }
            var inner = SHA256()
            inner.update(bufferPointer: UnsafeRawBufferPointer(pad))
            inner.update(bufferPointer: message)
            let innerDigest = inner.finalize()
            for index in 0..<blockSize { pad[index] ^= 0x36 ^ 0x5C }
            var outer = SHA256()
            outer.update(bufferPointer: UnsafeRawBufferPointer(pad))
            innerDigest.withUnsafeBytes { outer.update(bufferPointer: $0) }
            return outer.finalize()
        }
    }

    /// Lower-case hexadecimal of some bytes.
    package static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: bytes.count * 2) { output in
            for (index, byte) in bytes.enumerated() {
                output[2 * index] = digits.utf8Start[Int(byte >> 4)]
                output[2 * index + 1] = digits.utf8Start[Int(byte & 0x0F)]
            }
            return bytes.count * 2
        }
    }
}

extension Data {
    /// Lower-case hexadecimal.
    package var hexString: String { withUnsafeBytes { Chain.hex($0) } }

}

extension UnsafeRawBufferPointer {
    /// Whether two buffers hold the same bytes (memcmp, not element by element).
    package func equals(_ other: UnsafeRawBufferPointer) -> Bool {
        count == other.count && (count == 0 || memcmp(baseAddress!, other.baseAddress!, count) == 0)
    }
}
