import Crypto

/// Where decoded bytes go: an array (text that will be read) or a digest (attachments, measured
/// and hashed, never kept).
protocol ByteSink {
    /// Takes one decoded byte.
    mutating func write(_ byte: UInt8)
    /// Takes a run of decoded bytes.
    mutating func write(contentsOf bytes: ArraySlice<UInt8>)
}

/// An array keeps what it is given.
extension Array: ByteSink where Element == UInt8 {
    /// Appends the byte.
    mutating func write(_ byte: UInt8) { append(byte) }

    /// Appends the bytes.
    mutating func write(contentsOf bytes: ArraySlice<UInt8>) { append(contentsOf: bytes) }
}

/// Counts and hashes (SHA-256) bytes as they come, holding at most a small buffer.
struct DigestSink: ByteSink {
    /// Computed, not stored: a stored static is reached through a lazy-initialisation check
    /// on every byte.
    private static var bufferSize: Int { 16 * 1024 }
    private var hasher = SHA256()
    private var buffer: [UInt8] = []
    /// How many bytes were written.
    private(set) var count = 0

    /// Buffers the byte, hashing the buffer when it is full.
    mutating func write(_ byte: UInt8) {
        buffer.append(byte)
        count += 1
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// Hashes the bytes (after what is buffered).
    mutating func write(contentsOf bytes: ArraySlice<UInt8>) {
        flush()
        hasher.update(data: bytes)
        count += bytes.count
    }

    /// The lowercase hex SHA-256 of everything written.
    mutating func finish() -> String {
        flush()
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Hashes and empties the buffer.
    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        hasher.update(data: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
