/// Text decoded from bytes, and whether it had to be read as Windows-1252 instead.
struct DecodedText: Equatable {
    var text: String
    /// The label was unknown or wrong for the bytes (`MailFlag.charsetFallback`).
    var fellBack: Bool
}

/// Turns bytes into text once their charset is known (or guessed, and then said so).
enum TextDecoder {
    /// Decodes bytes under a charset label (nil: none was given). An unknown label, or bytes
    /// invalid for the label, fall back to Windows-1252; for Latin-1 and Latin-9, bytes 0x80…0x9F
    /// (C1 controls no one writes) count as invalid, since they mean Windows-1252 was sent.
    static func decode(_ bytes: some Collection<UInt8>, label: String?) -> DecodedText {
        guard let label else { return unlabelled(bytes) }
        guard let charset = Charset(label: label) else {
            let plainASCII = bytes.allSatisfy { $0 < 0x80 && $0 != 0x1B }
            return DecodedText(text: singleByte(bytes, table: [:]), fellBack: !plainASCII)
        }
        switch charset {
        case .utf8:
            if let text = String(validating: bytes, as: UTF8.self) { return DecodedText(text: text, fellBack: false) }
        case .usASCII:
            if bytes.allSatisfy({ $0 < 0x80 }) { return DecodedText(text: ASCII.string(bytes), fellBack: false) }
        case .latin1, .latin9:
            if !bytes.contains(where: { (0x80...0x9F).contains($0) }) {
                let table = charset == .latin9 ? SingleByteTables.latin9 : [:]
                return DecodedText(text: singleByte(bytes, table: table, windows1252: false), fellBack: false)
            }
        case .windows1252:
            return DecodedText(text: singleByte(bytes, table: [:]), fellBack: false)
        }
        return DecodedText(text: singleByte(bytes, table: [:]), fellBack: true)
    }

    /// Decodes bytes no label speaks for (a text part without charset, raw 8-bit header bytes
    /// as RFC 6532 allows): UTF-8 (which includes ASCII) if valid, else Windows-1252, flagged.
    static func unlabelled(_ bytes: some Collection<UInt8>) -> DecodedText {
        if let text = String(validating: bytes, as: UTF8.self) { return DecodedText(text: text, fellBack: false) }
        return DecodedText(text: singleByte(bytes, table: [:]), fellBack: true)
    }

    /// Decodes a single-byte charset: Latin-1 changed by `table`, and 0x80…0x9F as Windows-1252
    /// unless told not to.
    private static func singleByte(
        _ bytes: some Collection<UInt8>, table: [UInt8: Unicode.Scalar], windows1252: Bool = true
    ) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if let changed = table[byte] {
                scalars.append(changed)
            } else if windows1252, (0x80...0x9F).contains(byte) {
                scalars.append(SingleByteTables.windows1252[Int(byte - 0x80)])
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }
}
