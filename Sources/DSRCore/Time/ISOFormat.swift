/// Writes dates and instants as ISO 8601 text straight into memory, without Foundation
/// formatters (which are far slower than a batch of a million lines can afford).
///
/// The `write…` functions fill exactly `…Length` bytes at a pointer the caller provides; the
/// others return strings.
public enum ISOFormat {
    /// `2026-01-31`
    public static let dateLength = 10
    /// `2026-01-31T09:00:00Z`
    public static let utcLength = 20
    /// `2026-03-02T23:59:59+01:00`
    public static let zonedLength = 25
    /// `+01:00`
    public static let offsetLength = 6

    /// Writes `YYYY-MM-DD` (years 0...9999).
    @inline(__always)
    public static func writeDate(_ date: CivilDate, to pointer: UnsafeMutablePointer<UInt8>) {
        writeTwoDigits(date.year / 100 % 100, to: pointer)
        writeTwoDigits(date.year % 100, to: pointer + 2)
        pointer[4] = UInt8(ascii: "-")
        writeTwoDigits(date.month, to: pointer + 5)
        pointer[7] = UInt8(ascii: "-")
        writeTwoDigits(date.day, to: pointer + 8)
    }

    /// Writes the instant in UTC: `2026-01-31T09:00:00Z`.
    @inline(__always)
    public static func writeUTC(_ instant: Instant, to pointer: UnsafeMutablePointer<UInt8>) {
        writeLocal(seconds: instant.secondsSinceEpoch, to: pointer)
        pointer[19] = UInt8(ascii: "Z")
    }

    /// Writes the instant in a zone's local time with its offset: `2026-03-02T23:59:59+01:00`.
    @inline(__always)
    public static func writeZoned(_ instant: Instant, zone: ZoneRules, to pointer: UnsafeMutablePointer<UInt8>) {
        let offset = zone.offset(at: instant)
        writeLocal(seconds: instant.secondsSinceEpoch + offset, to: pointer)
        writeOffset(offset, to: pointer + 19)
    }

    /// Writes `±HH:MM`.
    @inline(__always)
    public static func writeOffset(_ offset: Int64, to pointer: UnsafeMutablePointer<UInt8>) {
        let minutes = Int(abs(offset) / 60)
        pointer[0] = UInt8(ascii: offset < 0 ? "-" : "+")
        writeTwoDigits(minutes / 60, to: pointer + 1)
        pointer[3] = UInt8(ascii: ":")
        writeTwoDigits(minutes % 60, to: pointer + 4)
    }

    /// `2026-01-31`.
    public static func date(_ date: CivilDate) -> String {
        string(length: dateLength) { writeDate(date, to: $0) }
    }

    /// `2026-01-31T09:00:00Z`.
    public static func utc(_ instant: Instant) -> String {
        string(length: utcLength) { writeUTC(instant, to: $0) }
    }

    /// `2026-03-02T23:59:59+01:00`.
    public static func zoned(_ instant: Instant, zone: ZoneRules) -> String {
        string(length: zonedLength) { writeZoned(instant, zone: zone, to: $0) }
    }

    /// `+01:00`.
    public static func offset(_ offset: Int64) -> String {
        string(length: offsetLength) { writeOffset(offset, to: $0) }
    }

    /// Writes `YYYY-MM-DDTHH:MM:SS` (19 bytes) for wall-clock seconds since 1970-01-01T00:00.
    @inline(__always)
    static func writeLocal(seconds: Int64, to pointer: UnsafeMutablePointer<UInt8>) {
        let day = floorDivide(seconds, 86_400)
        let secondOfDay = Int(seconds - day * 86_400)
        writeDate(CivilDate(dayNumber: Int(day)), to: pointer)
        pointer[10] = UInt8(ascii: "T")
        writeTwoDigits(secondOfDay / 3600, to: pointer + 11)
        pointer[13] = UInt8(ascii: ":")
        writeTwoDigits(secondOfDay / 60 % 60, to: pointer + 14)
        pointer[16] = UInt8(ascii: ":")
        writeTwoDigits(secondOfDay % 60, to: pointer + 17)
    }

    /// Writes a number 0...99 as two digits.
    @inline(__always)
    static func writeTwoDigits(_ value: Int, to pointer: UnsafeMutablePointer<UInt8>) {
        pointer[0] = UInt8(truncatingIfNeeded: 48 + value / 10)
        pointer[1] = UInt8(truncatingIfNeeded: 48 + value % 10)
    }

    private static func string(length: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Void) -> String {
        String(unsafeUninitializedCapacity: length) { buffer in
            write(buffer.baseAddress!)
            return length
        }
    }
}
