/// Login names of staff accounts: 1 to 64 letters, digits, `.`, `_` or `-` (what a Unix
/// login and a directory's account name share).
public enum LoginName {
    /// Refuses a text that is not a login name.
    public static func check(_ text: String) throws(DSRCoreError) {
        let allowed = text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
        guard allowed, (1...64).contains(text.utf8.count) else {
            throw .invalidText("a login name has 1 to 64 letters, digits, '.', '_' or '-'")
        }
    }
}
