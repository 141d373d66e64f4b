import Foundation

/// A case's identifier: the year of receipt and a running number, `2026-00042`.
public struct CaseID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(year: Int, number: Int) {
        let digits = String(number)
        rawValue = "\(year)-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// Accepts `2026-00042` (and `2026-42`); nil for anything else.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]),
            (1...9).contains(parts[1].count), let number = Int(parts[1]), number > 0,
            parts[1].allSatisfy(\.isASCIIDigit), parts[0].allSatisfy(\.isASCIIDigit)
        else { return nil }
        self.init(year: year, number: number)
    }

    public var description: String { rawValue }

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
