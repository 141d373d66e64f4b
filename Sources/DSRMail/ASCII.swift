/// The ASCII bytes and byte classes the readers share.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let percent: UInt8 = 0x25
    static let apostrophe: UInt8 = 0x27
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let comma: UInt8 = 0x2C
    static let hyphen: UInt8 = 0x2D
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let lessThan: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let greaterThan: UInt8 = 0x3E
    static let question: UInt8 = 0x3F
    static let at: UInt8 = 0x40
    static let backslash: UInt8 = 0x5C
    static let underscore: UInt8 = 0x5F

    /// Space or horizontal tab (RFC 5322 WSP).
    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// Space, tab, CR or LF.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == carriageReturn || byte == lineFeed
    }

    /// The lowercase of an ASCII letter; other bytes unchanged.
    static func lowercased(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }

    /// Whether a byte is an ASCII letter or digit.
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// The value of a hexadecimal digit (either case), or nil.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    /// Whether `bytes` holds `prefix` at `index`, letters compared case-insensitively when asked.
    static func hasPrefix<Bytes: RandomAccessCollection<UInt8>>(
        _ bytes: Bytes, _ prefix: [UInt8], at index: Int, ignoringCase: Bool = false
    ) -> Bool where Bytes.Index == Int {
        guard index >= bytes.startIndex, index <= bytes.endIndex, bytes.endIndex - index >= prefix.count else {
            return false
        }
        for (offset, expected) in prefix.enumerated() {
            let actual = bytes[index + offset]
            if ignoringCase ? lowercased(actual) != lowercased(expected) : actual != expected { return false }
        }
        return true
    }

    /// The bytes of an ASCII string.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// A string of bytes that are ASCII (any other byte becomes U+FFFD).
    static func string(_ bytes: some Collection<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
}
