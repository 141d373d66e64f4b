/// The character sets the reader decodes itself; every other label is read as Windows-1252 and
/// flagged.
enum Charset: Equatable {
    case utf8
    case usASCII
    case latin1
    case latin9
    case windows1252

    /// The charset a MIME label names (`ISO-8859-1`, `latin1`, `iso_8859-1:1987`, `cp1252` …),
    /// or nil when it is not one of these. Case, `-`, `_`, `:`, `.` and blanks are ignored.
    init?(label: String) {
        let key = String(
            label.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
        switch key {
        case "utf8", "unicode11utf8":
            self = .utf8
        case "usascii", "ascii", "ansix341968", "iso646us", "us", "cp367", "ibm367", "csascii":
            self = .usASCII
        case "iso88591", "latin1", "l1", "isoir100", "cp819", "ibm819", "iso885911987", "88591", "csisolatin1":
            self = .latin1
        case "iso885915", "latin9", "l9", "latin0", "isoir203", "csisolatin9", "885915":
            self = .latin9
        case "windows1252", "cp1252", "xcp1252", "win1252", "mswindows1252":
            self = .windows1252
        default:
            return nil
        }
    }
}
