import HummingbirdBcrypt

/// What a password must be, and how it is kept: bcrypt at cost 12 (OWASP's floor for bcrypt).
public enum PasswordRules {
    /// The fewest characters a password may have.
    public static let minimumLength = 12
    /// bcrypt reads at most 72 bytes; a longer password would be cut without a word, so it is refused.
    public static let maximumBytes = 72
    /// The bcrypt work factor: 2^12 rounds, about a quarter of a second on one core.
    static let cost: UInt8 = 12

    /// Refuses a password that is too short, too long for bcrypt, or holds control characters.
    public static func check(_ password: String) throws {
        guard password.count >= minimumLength else {
            throw AppError(.badInput, "a password needs at least \(minimumLength) characters")
        }
        guard password.utf8.count <= maximumBytes else {
            throw AppError(.badInput, "a password may have at most \(maximumBytes) bytes (bcrypt reads no more)")
        }
        guard !password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw AppError(.badInput, "a password may not contain control characters")
        }
    }

    /// The bcrypt hash of a checked password.
    static func hash(_ password: String) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches a stored hash; against nil it still does the same work, so
    /// an unknown login takes as long as a wrong password.
    static func verify(_ password: String, hash: String?) -> Bool {
        guard let hash else {
            _ = Bcrypt.verify(password, hash: unknownAccountHash)
            return false
        }
        return Bcrypt.verify(password, hash: hash)
    }

    /// A hash no password is checked against for real: the work done for an unknown login.
    private static let unknownAccountHash = Bcrypt.hash(RandomToken.make(), cost: cost)
}
