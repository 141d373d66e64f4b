/// The entry point for reading one mail message from its bytes.
public enum MailParser {
    /// Reads one RFC 5322 message. Throws for what is not mail or breaks the limits.
    ///
    /// Never traps on input and takes time linear in its size (times the nesting depth at most).
    /// A leading mbox `From ` line is skipped. Flags are per message: an embedded message
    /// carries its own.
    public static func parse(_ bytes: [UInt8], limits: MailLimits = .standard) throws(MailRefusal) -> MailMessage {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= limits.maxBytes else { throw .tooLarge(limits.maxBytes) }
        var reader = MessageReader(limits: limits)
        return try reader.message(bytes[...], depth: 0)
    }
}
