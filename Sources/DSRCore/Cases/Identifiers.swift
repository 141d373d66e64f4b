/// A case's identifier: the year of receipt and a running number, `2026-00042`.
public struct CaseID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(year: Int, number: Int) {
        let digits = String(number)
        let yearDigits = String(year)
        rawValue =
            String(repeating: "0", count: max(0, 4 - yearDigits.count)) + yearDigits + "-"
            + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// Accepts `2026-00042` (and `2026-42`, blanks around); nil for anything else.
    public init?(_ text: String) {
        let parts = text.trimmedBlanks.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, (1...9).contains(parts[1].count),
            let year = Self.number(parts[0]), let number = Self.number(parts[1])
        else { return nil }
        self.init(year: year, number: number)
    }

    /// The value of ASCII digits, or nil.
    private static func number(_ digits: Substring.UTF8View.SubSequence) -> Int? {
        var value = 0
        for byte in digits {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    public var description: String { rawValue }

    /// The tracker's own events (exports of personal data) are filed under this id, which no
    /// case can have (years of receipt start in 1995).
    public static let tracker = CaseID(year: 0, number: 0)

    public static func < (lhs: CaseID, rhs: CaseID) -> Bool {
        (lhs.rawValue.count, lhs.rawValue) < (rhs.rawValue.count, rhs.rawValue)
    }
}

/// An event's position in the log (1, 2, 3 …; the hash chain runs in this order).
public struct EventID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int64

    public init(_ rawValue: Int64) {
        self.rawValue = rawValue
    }

    public var description: String { String(rawValue) }

    public static func < (lhs: EventID, rhs: EventID) -> Bool { lhs.rawValue < rhs.rawValue }
}
