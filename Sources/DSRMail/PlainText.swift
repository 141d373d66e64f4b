/// The layout rules of the text the reader hands out.
enum PlainText {
    /// The text with every line end (CRLF, CR) as LF and trailing whitespace of the whole removed.
    /// Works on the UTF-8 bytes: line ends are ASCII, and a mail's text may be megabytes.
    static func normalised(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == ASCII.carriageReturn {
                bytes.append(ASCII.lineFeed)
                previousWasCR = true
                continue
            }
            if !(byte == ASCII.lineFeed && previousWasCR) { bytes.append(byte) }
            previousWasCR = false
        }
        let joined = String(decoding: bytes, as: UTF8.self)
        let scalars = joined.unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex, scalars[scalars.index(before: end)].properties.isWhitespace {
            end = scalars.index(before: end)
        }
        return end == scalars.endIndex ? joined : String(scalars[..<end])
    }

    /// The text with every run of whitespace (folding included) as one space, and none at the ends.
    static func collapsingWhitespace(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace { scalars.append(" ") }
            pendingSpace = false
            scalars.append(scalar)
        }
        return String(scalars)
    }
}

/// Trimming the blanks mail text is padded with.
extension StringProtocol {
    /// The text without leading and trailing spaces, tabs, CRs and LFs.
    func trimmingASCIIBlanks() -> String {
        let isBlank = { (scalar: Unicode.Scalar) in scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n"
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
            let last = scalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
