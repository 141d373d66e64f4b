extension String {
    /// The text as a lookup key for names typed by people: without surrounding blanks, in
    /// lower case, with blanks and underscores as hyphens ("Widerruf der Einwilligung" →
    /// "widerruf-der-einwilligung"). Plain Swift, no Foundation: imports call it per cell.
    var inputKey: String {
        var key = ""
        key.reserveCapacity(utf8.count)
        var pendingHyphens = 0
        for character in lowercased() {
            if character == " " || character == "_" || character == "\t" {
                pendingHyphens += 1
                continue
            }
            if !key.isEmpty, pendingHyphens > 0 { key += String(repeating: "-", count: pendingHyphens) }
            pendingHyphens = 0
            key.append(character)
        }
        return key
    }

    /// Without leading and trailing blanks and tabs.
    public var trimmedBlanks: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
