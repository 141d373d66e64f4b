/// Reads the moments people type: an ISO 8601 instant with offset (`2026-01-31T10:00:00+01:00`,
/// `…Z`), a local time in the policy's zone (`2026-01-31 10:00`, seconds optional, `T` or a
/// blank between date and time), a bare local date (`2026-01-31`, its first instant), the
/// German forms of both (`31.01.2026 10:15`, `31.01.2026`), or `now`.
///
/// Works on UTF-8 bytes without allocating, so a batch of a million lines stays cheap. A local
/// time inside the spring-forward gap is refused; one that occurs twice needs an offset.
public struct TimeInput: Sendable {
    public let zone: ZoneRules

    public init(zone: ZoneRules) {
        self.zone = zone
    }

    /// The instant a text names; `now` is the instant `now` stands for.
    public func instant(from text: String, now: Instant) throws -> Instant {
        var text = text
        return try text.withUTF8 { try instant(from: $0, now: now) }
    }

    /// The instant that UTF-8 `bytes` name.
    public func instant(from bytes: UnsafeBufferPointer<UInt8>, now: Instant) throws -> Instant {
        var scanner = ByteScanner(bytes: bytes)
        scanner.trimBlanks()
        if scanner.remainingLowercasedEquals("now") { return now }

        guard let (year, month, day) = scanner.isoDate() ?? scanner.germanDate() else {
            throw Self.formatError
        }
        guard (1...12).contains(month) else {
            throw DSRCoreError.invalidTime("invalid date: there is no month \(month)")
        }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            throw DSRCoreError.invalidTime(
                "invalid date: day \(day) does not exist in month \(month) of \(year)")
        }
        let midnight = Int64(date.dayNumber) * 86_400
        if scanner.isAtEnd { return zone.startOfDay(date.dayNumber) }

        guard
            scanner.skip(UInt8(ascii: "T")) || scanner.skip(UInt8(ascii: "t"))
                || scanner.skip(UInt8(ascii: " ")),
            let hour = scanner.digits(2), scanner.skip(UInt8(ascii: ":")),
            let minute = scanner.digits(2)
        else { throw Self.formatError }
        var second = 0
        if scanner.skip(UInt8(ascii: ":")) {
            guard let value = scanner.digits(2) else { throw Self.formatError }
            second = value
            if scanner.skip(UInt8(ascii: ".")) || scanner.skip(UInt8(ascii: ",")) {
                guard scanner.skipDigits() else { throw Self.formatError }
            }
        }
        guard hour <= 23, minute <= 59, second <= 59 else {
            throw DSRCoreError.invalidTime(
                "invalid time of day: \(Self.twoDigits(hour)):\(Self.twoDigits(minute)) (hours 00–23, minutes and seconds 00–59)"
            )
        }
        let local = midnight + Int64(hour * 3600 + minute * 60 + second)

        if scanner.isAtEnd {
            switch zone.resolve(localSeconds: local) {
            case .unique(let instant): return instant
            case .ambiguous:
                throw DSRCoreError.ambiguousLocalTime(
                    "\(date) \(Self.twoDigits(hour)):\(Self.twoDigits(minute))", zone: zone.identifier)
            case .nonexistent:
                throw DSRCoreError.nonexistentLocalTime(
                    "\(date) \(Self.twoDigits(hour)):\(Self.twoDigits(minute))", zone: zone.identifier)
            }
        }
        let offset = try scanner.utcOffset()
        guard scanner.isAtEnd else { throw Self.formatError }
        return Instant(secondsSinceEpoch: local - offset)
    }

    static let formatError = DSRCoreError.invalidTime(
        "not a time: use ISO 8601 with offset (2026-01-31T10:00:00+01:00), local 'YYYY-MM-DD HH:MM' or 'TT.MM.JJJJ HH:MM', a date, or 'now'"
    )

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// A cursor over UTF-8 bytes for the small grammars of dates and times.
struct ByteScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var end: Int

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        end = bytes.count
    }

    var isAtEnd: Bool { position >= end }

    /// Drops blanks, tabs and carriage returns at both ends.
    mutating func trimBlanks() {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        while position < end, isBlank(bytes[position]) { position += 1 }
        while end > position, isBlank(bytes[end - 1]) { end -= 1 }
    }

    /// Whether the rest is `word` in any letter case.
    func remainingLowercasedEquals(_ word: StaticString) -> Bool {
        guard end - position == word.utf8CodeUnitCount else { return false }
        let pointer = word.utf8Start
        for index in 0..<word.utf8CodeUnitCount where bytes[position + index] | 0x20 != pointer[index] {
            return false
        }
        return true
    }

    /// Consumes `byte` if it comes next.
    mutating func skip(_ byte: UInt8) -> Bool {
        guard position < end, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Consumes exactly `count` ASCII digits and returns their value.
    mutating func digits(_ count: Int) -> Int? {
        guard end - position >= count else { return nil }
        var value = 0
        for index in position..<(position + count) {
            let digit = Int(bytes[index]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        position += count
        return value
    }

    /// Consumes `YYYY-MM-DD`; nil (consuming nothing) if it is not there.
    mutating func isoDate() -> (Int, Int, Int)? {
        let start = position
        if let year = digits(4), skip(UInt8(ascii: "-")), let month = digits(2), skip(UInt8(ascii: "-")),
            let day = digits(2)
        {
            return (year, month, day)
        }
        position = start
        return nil
    }

    /// Consumes `TT.MM.JJJJ` (day and month with one or two digits); nil if it is not there.
    mutating func germanDate() -> (Int, Int, Int)? {
        let start = position
        if let day = digits(2) ?? digits(1), skip(UInt8(ascii: ".")), let month = digits(2) ?? digits(1),
            skip(UInt8(ascii: ".")), let year = digits(4)
        {
            return (year, month, day)
        }
        position = start
        return nil
    }

    /// Consumes one or more digits; false if there are none.
    mutating func skipDigits() -> Bool {
        let start = position
        while position < end, (48...57).contains(bytes[position]) { position += 1 }
        return position > start
    }

    /// Consumes `Z`, `±HH:MM`, `±HHMM` or `±HH` and returns the offset in seconds.
    mutating func utcOffset() throws -> Int64 {
        if skip(UInt8(ascii: "Z")) || skip(UInt8(ascii: "z")) { return 0 }
        let sign: Int64
        if skip(UInt8(ascii: "+")) {
            sign = 1
        } else if skip(UInt8(ascii: "-")) {
            sign = -1
        } else {
            throw TimeInput.formatError
        }
        guard let hours = digits(2) else { throw TimeInput.formatError }
        var minutes = 0
        if skip(UInt8(ascii: ":")) {
            guard let value = digits(2) else { throw TimeInput.formatError }
            minutes = value
        } else if let value = digits(2) {
            minutes = value
        }
        guard hours <= 14, minutes <= 59 else {
            throw DSRCoreError.invalidTime("invalid UTC offset: at most ±14:00")
        }
        return sign * Int64(hours * 3600 + minutes * 60)
    }
}
