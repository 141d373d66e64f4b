/// HTML character references: the named ones common in mail (German umlauts among them) and
/// numeric ones (`&#228;`, `&#xE4;`).
enum HTMLEntities {
    /// The named references, case-sensitive as HTML has them. `&nbsp;` is a plain space here:
    /// the text is for reading, not for layout.
    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "aacute": "á", "agrave": "à", "acirc": "â",
        "oacute": "ó", "ograve": "ò", "ocirc": "ô", "uacute": "ú", "ugrave": "ù", "ucirc": "û",
        "iacute": "í", "igrave": "ì", "icirc": "î", "ccedil": "ç", "ntilde": "ñ", "Eacute": "É",
        "euro": "€", "copy": "©", "reg": "®", "trade": "™", "sect": "§", "deg": "°", "para": "¶",
        "middot": "·", "bull": "•", "hellip": "…", "ndash": "–", "mdash": "—", "laquo": "«", "raquo": "»",
        "bdquo": "„", "ldquo": "“", "rdquo": "”", "sbquo": "‚", "lsquo": "‘", "rsquo": "’",
        "shy": "\u{00AD}", "times": "×", "divide": "÷", "frac12": "½",
    ]

    /// The character a reference names, given what stands between `&` and `;`; nil when it
    /// names none (then the text stays as written).
    static func character(_ name: Substring) -> Unicode.Scalar? {
        guard name.first == "#" else { return named[String(name)] }
        let digits = name.dropFirst()
        let isHex = digits.first == "x" || digits.first == "X"
        let number = isHex ? digits.dropFirst() : digits
        guard !number.isEmpty, number.count <= 8, let value = UInt32(number, radix: isHex ? 16 : 10) else {
            return nil
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
