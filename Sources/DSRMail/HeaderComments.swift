/// Comments in structured header fields (RFC 5322 §3.2.2): text in parentheses, nested, with
/// `\` escapes.
enum HeaderComments {
    /// The bytes without comments in parentheses (nested, with `\` escapes).
    static func removed(from bytes: some Sequence<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        var depth = 0
        var escaped = false
        for byte in bytes {
            if depth > 0 {
                if escaped {
                    escaped = false
                } else if byte == ASCII.backslash {
                    escaped = true
                } else if byte == ASCII.openParen {
                    depth += 1
                } else if byte == ASCII.closeParen {
                    depth -= 1
                }
            } else if byte == ASCII.openParen {
                depth = 1
            } else {
                result.append(byte)
            }
        }
        return result
    }
}
