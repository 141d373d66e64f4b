/// Escaping for HTML text and attribute values: every string that came from a person goes
/// through here, never by hand.
enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as character references; C0 controls (other than tab and
    /// line breaks) as U+FFFD, which HTML does not allow raw.
    static func escape(_ value: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Text from a person, escaped and isolated from the surrounding text's direction
    /// (`<bdi>`), so right-to-left overrides in a name cannot reorder the report around it.
    static func personal(_ value: String) -> String {
        "<bdi>" + escape(value) + "</bdi>"
    }
}
