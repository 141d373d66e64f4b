/// Writes dates and instants as ISO 8601 text into byte buffers, without Foundation
/// formatters (which are far slower than a batch of a million lines can afford).
public enum ISOFormat {
    /// Appends `YYYY-MM-DD`.
    @inline(__always)
    public static func appendDate(_ date: CivilDate, to bytes: inout [UInt8]) {
        appendDigits(date.year, count: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(date.month, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(date.day, count: 2, to: &bytes)
    }

    /// Appends the instant in UTC: `2026-01-31T09:00:00Z`.
    public static func appendUTC(_ instant: Instant, to bytes: inout [UInt8]) {
        appendLocal(seconds: instant.secondsSinceEpoch, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// Appends the instant in a zone's local time with its offset:
    /// `2026-03-02T23:59:59+01:00`.
    public static func appendZoned(_ instant: Instant, zone: ZoneRules, to bytes: inout [UInt8]) {
        let offset = zone.offset(at: instant)
        appendLocal(seconds: instant.secondsSinceEpoch + offset, to: &bytes)
        appendOffset(offset, to: &bytes)
    }

    /// `2026-01-31T09:00:00Z`.
    public static func utc(_ instant: Instant) -> String {
        string { appendUTC(instant, to: &$0) }
    }

    /// `2026-03-02T23:59:59+01:00`.
    public static func zoned(_ instant: Instant, zone: ZoneRules) -> String {
        string { appendZoned(instant, zone: zone, to: &$0) }
    }

    /// Appends `±HH:MM`.
    public static func appendOffset(_ offset: Int64, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: offset < 0 ? "-" : "+"))
        let minutes = Int(abs(offset) / 60)
        appendDigits(minutes / 60, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(minutes % 60, count: 2, to: &bytes)
    }

    /// Appends `YYYY-MM-DDTHH:MM:SS` for wall-clock seconds since 1970-01-01T00:00.
    @inline(__always)
    static func appendLocal(seconds: Int64, to bytes: inout [UInt8]) {
        let day = floorDivide(seconds, 86_400)
        let secondOfDay = Int(seconds - day * 86_400)
        appendDate(CivilDate(dayNumber: Int(day)), to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(secondOfDay / 3600, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, count: 2, to: &bytes)
    }

    /// Appends a non-negative number with leading zeros to `count` digits.
    @inline(__always)
    static func appendDigits(_ value: Int, count: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        var value = value
        if value >= divisor * 10 {  // wider than asked: write all digits
            appendDigits(value / (divisor * 10), count: 1, to: &bytes)
            value %= divisor * 10
        }
        while divisor > 0 {
            bytes.append(UInt8(truncatingIfNeeded: 48 + value / divisor % 10))
            divisor /= 10
        }
    }

    private static func string(_ write: (inout [UInt8]) -> Void) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        write(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
