import Crypto
import Foundation

/// The key that seals the vault's personal data (AES-256-GCM): 32 random bytes in a file of
/// its own, kept apart from the database (`dsr keygen`). Whoever loses it loses the names.
/// `@unchecked Sendable`: SymmetricKey is an immutable value swift-crypto does not mark
/// Sendable; sharing it across the verifier's threads is safe.
public struct VaultKey: @unchecked Sendable {
    /// Bytes in a key file.
    public static let size = 32

    private let key: SymmetricKey
    /// Where the key was read from, as messages name it.
    public let path: String

    /// Reads a key file; refuses a file of the wrong size or one that others may read.
    public init(file path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw LedgerError.badVaultKeyFile(path: path, reason: String(cString: strerror(errno)))
        }
        guard status.st_mode & 0o077 == 0 else {
            throw LedgerError.badVaultKeyFile(
                path: path, reason: "others may read it; make it private with chmod 600")
        }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw LedgerError.badVaultKeyFile(path: path, reason: "cannot read it")
        }
        guard bytes.count == Self.size else {
            throw LedgerError.badVaultKeyFile(
                path: path, reason: "a vault key holds exactly \(Self.size) bytes; this file holds \(bytes.count)")
        }
        key = SymmetricKey(data: bytes)
        self.path = path
    }

    /// Writes a new random key to `path` (mode 0600); never overwrites an existing file.
    public static func create(at path: String) throws {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw LedgerError.badVaultKeyFile(
                path: path,
                reason: errno == EEXIST ? "exists already; not overwritten" : String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        let written = SymmetricKey(size: .bits256).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == Self.size, fsync(descriptor) == 0 else {
            unlink(path)
            throw LedgerError.badVaultKeyFile(path: path, reason: "cannot write it")
        }
    }

    /// Identifies the key without revealing it: HMAC-SHA-256 of a fixed label, in hex. The
    /// database keeps it to tell a wrong key from the right one.
    package var fingerprint: String {
        Data(HMAC<SHA256>.authenticationCode(for: Data("dsr vault key v1".utf8), using: key)).hexString
    }

    /// Seals `text` for one vault record; the record's place (event, field) is bound in as
    /// associated data, so a sealed text moved to another record no longer opens.
    package func seal(_ text: Data, eventID: Int64, field: String) throws -> Data {
        try AES.GCM.seal(text, using: key, authenticating: Self.place(eventID, field)).combined!
    }

    /// Opens a sealed record; nil if it was altered or moved.
    package func unseal(_ sealed: Data, eventID: Int64, field: String) -> Data? {
        guard let box = try? AES.GCM.SealedBox(combined: sealed) else { return nil }
        return try? AES.GCM.open(box, using: key, authenticating: Self.place(eventID, field))
    }

    private static func place(_ eventID: Int64, _ field: String) -> Data {
        Data("\(eventID)/\(field)".utf8)
    }
}
