import DSRLedger

/// Vault keys: 32 random bytes in a file only its owner can read, never overwritten.
public enum VaultKeys {
    /// The size of a key file, in bytes.
    public static var size: Int { VaultKey.size }

    /// Writes a new key to `path`; refuses an existing file.
    public static func create(at path: String) throws {
        try AppError.mapping { try VaultKey.create(at: path) }
    }
}
