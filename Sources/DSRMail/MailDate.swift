import DSRCore

/// Dates in mail: the RFC 5322 date-time (§3.3) with its obsolete forms (§4.3), and the asctime
/// form of mbox `From ` lines, read into UTC instants.
///
/// Obsolete forms read: two-digit years (below 50 are 20xx, else 19xx; three digits add 1900),
/// zone names UT/GMT/EST/EDT/CST/CDT/MST/MDT/PST/PDT, military letters and unknown zone names as
/// -0000, comments, blanks around `:`, no seconds, no weekday. A date without zone is read as UTC.
enum MailDate {
    /// A piece of a date: a word (lowercased), a number, a signed number (a zone), or a separator.
    private enum Token: Equatable {
        case word(String)
        case number(Int, digits: Int)
        case signed(Int, digits: Int)
        case colon
        case comma
        case other
    }

    /// The fields of a date before they are checked and counted.
    private struct Fields {
        var year = 0
        var month = 0
        var day = 0
        var hour = 0
        var minute = 0
        var second = 0
        var offsetSeconds = 0
    }

    /// Numbers longer than this are not read (no overflow, no real date needs them).
    private static let maxDigits = 9
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let zoneHours: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5,
        "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
    ]

    /// The instant of a `Date:`-style value (RFC 5322, else asctime), or nil when it is none.
    static func parse(_ bytes: some Sequence<UInt8>) -> Instant? {
        let tokens = tokenize(bytes)
        return rfc5322(tokens) ?? asctime(tokens)
    }

    /// The instant of an asctime date (`Mon Dec  1 09:12:03 2026`), read as UTC.
    static func parseAsctime(_ bytes: some Sequence<UInt8>) -> Instant? { asctime(tokenize(bytes)) }

    /// `[weekday ","] day month year hour ":" minute [":" second] [zone]`.
    private static func rfc5322(_ tokens: [Token]) -> Instant? {
        var position = skipWeekday(tokens)
        var fields = Fields()
        guard case .number(let day, let dayDigits)? = token(tokens, position), dayDigits <= 2,
            let month = monthNumber(token(tokens, position + 1)),
            case .number(let year, let yearDigits)? = token(tokens, position + 2)
        else { return nil }
        fields.day = day
        fields.month = month
        fields.year = fullYear(year, digits: yearDigits)
        position += 3
        guard readTime(tokens, at: &position, into: &fields) else { return nil }
        guard let offset = zoneOffset(token(tokens, position)) else { return nil }
        fields.offsetSeconds = offset
        return instant(fields)
    }

    /// `[weekday] month day hour ":" minute [":" second] year`, as UTC; what follows is ignored.
    private static func asctime(_ tokens: [Token]) -> Instant? {
        var position = skipWeekday(tokens)
        var fields = Fields()
        guard let month = monthNumber(token(tokens, position)),
            case .number(let day, let dayDigits)? = token(tokens, position + 1), dayDigits <= 2
        else { return nil }
        fields.month = month
        fields.day = day
        position += 2
        guard readTime(tokens, at: &position, into: &fields),
            case .number(let year, let yearDigits)? = token(tokens, position)
        else { return nil }
        fields.year = fullYear(year, digits: yearDigits)
        return instant(fields)
    }

    /// The position after an optional weekday and its comma.
    private static func skipWeekday(_ tokens: [Token]) -> Int {
        var position = 0
        if case .word(let word)? = token(tokens, 0), weekdays.contains(String(word.prefix(3))) { position = 1 }
        if token(tokens, position) == .comma { position += 1 }
        return position
    }

    /// Reads `hour ":" minute [":" second]` at `position`, moving past it; false if it is not there.
    private static func readTime(_ tokens: [Token], at position: inout Int, into fields: inout Fields) -> Bool {
        guard case .number(let hour, let hourDigits)? = token(tokens, position), hourDigits <= 2,
            token(tokens, position + 1) == .colon,
            case .number(let minute, let minuteDigits)? = token(tokens, position + 2), minuteDigits <= 2
        else { return false }
        fields.hour = hour
        fields.minute = minute
        position += 3
        if token(tokens, position) == .colon, case .number(let second, let secondDigits)? = token(tokens, position + 1),
            secondDigits <= 2
        {
            fields.second = second
            position += 2
        }
        return true
    }

    /// The zone's offset east of UTC in seconds: `+hhmm`/`-hhmm`, a name, a military letter; 0
    /// when there is none; nil when it is a malformed number.
    private static func zoneOffset(_ token: Token?) -> Int? {
        switch token {
        case .signed(let value, let digits)?:
            let magnitude = abs(value)
            guard digits == 4, magnitude % 100 < 60 else { return nil }
            let seconds = (magnitude / 100) * 3600 + (magnitude % 100) * 60
            return value < 0 ? -seconds : seconds
        case .word(let name)?:
            return (zoneHours[name] ?? 0) * 3600
        default:
            return 0
        }
    }

    /// The month (1…12) of a month name (its first three letters), or nil.
    private static func monthNumber(_ token: Token?) -> Int? {
        guard case .word(let word)? = token, let index = months.firstIndex(of: String(word.prefix(3))) else {
            return nil
        }
        return index + 1
    }

    /// The year of a written year: two digits below 50 are 20xx, other two- and three-digit
    /// years count from 1900 (RFC 5322 §4.3).
    private static func fullYear(_ year: Int, digits: Int) -> Int {
        if digits <= 2 { return year < 50 ? 2000 + year : 1900 + year }
        if digits == 3 { return 1900 + year }
        return year
    }

    /// The instant of checked fields, or nil when one is out of range.
    private static func instant(_ fields: Fields) -> Instant? {
        guard (1...9999).contains(fields.year), (0...23).contains(fields.hour), (0...59).contains(fields.minute),
            (0...60).contains(fields.second),
            let date = CivilDate(year: fields.year, month: fields.month, day: fields.day)
        else { return nil }
        let seconds =
            Int64(date.dayNumber) * 86_400 + Int64(fields.hour * 3600 + fields.minute * 60 + fields.second)
            - Int64(fields.offsetSeconds)
        return Instant(secondsSinceEpoch: seconds)
    }

    /// The token at `position`, or nil past the end.
    private static func token(_ tokens: [Token], _ position: Int) -> Token? {
        position < tokens.count ? tokens[position] : nil
    }

    /// The tokens of a date, comments removed; at most 32 are read.
    private static func tokenize(_ bytes: some Sequence<UInt8>) -> [Token] {
        let text = HeaderComments.removed(from: bytes)
        var tokens: [Token] = []
        var index = 0
        while index < text.count, tokens.count < 32 {
            let byte = text[index]
            if ASCII.isWhitespace(byte) {
                index += 1
            } else if byte == ASCII.colon || byte == ASCII.comma {
                tokens.append(byte == ASCII.colon ? .colon : .comma)
                index += 1
            } else if byte == UInt8(ascii: "+") || byte == ASCII.hyphen, index + 1 < text.count,
                isDigit(text[index + 1])
            {
                let (value, digits, end) = number(text, from: index + 1)
                tokens.append(.signed(byte == ASCII.hyphen ? -value : value, digits: digits))
                index = end
            } else if isDigit(byte) {
                let (value, digits, end) = number(text, from: index)
                tokens.append(.number(value, digits: digits))
                index = end
            } else if isLetter(byte) {
                let start = index
                while index < text.count, isLetter(text[index]) { index += 1 }
                tokens.append(.word(ASCII.string(text[start..<index].map(ASCII.lowercased))))
                if index < text.count, text[index] == UInt8(ascii: ".") { index += 1 }
            } else {
                tokens.append(.other)
                index += 1
            }
        }
        return tokens
    }

    /// The number of the digits from `start`: its value (capped: more than `maxDigits` digits
    /// read as an impossible 10-digit count), how many digits, and the index after them.
    private static func number(_ text: [UInt8], from start: Int) -> (Int, Int, Int) {
        var index = start
        var value = 0
        while index < text.count, isDigit(text[index]) {
            if index - start < maxDigits { value = value * 10 + Int(text[index] - 0x30) }
            index += 1
        }
        return (value, min(index - start, maxDigits + 1), index)
    }

    /// Whether a byte is an ASCII digit.
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// Whether a byte is an ASCII letter.
    private static func isLetter(_ byte: UInt8) -> Bool { ASCII.isAlphanumeric(byte) && !isDigit(byte) }
}
