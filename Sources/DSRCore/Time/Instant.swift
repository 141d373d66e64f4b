import Foundation

/// A moment in time, to the second, in UTC (seconds since 1970-01-01T00:00:00Z).
///
/// The tracker records and reasons in whole seconds; fractions are truncated on input.
public struct Instant: Hashable, Comparable, Sendable {
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// The instant of a Foundation date, truncated to the whole second (towards the past).
    public init(_ date: Date) {
        secondsSinceEpoch = Int64(date.timeIntervalSince1970.rounded(.down))
    }

    /// The same instant as a Foundation date.
    public var date: Date { Date(timeIntervalSince1970: TimeInterval(secondsSinceEpoch)) }

    /// The instant `seconds` later.
    public func adding(seconds: Int64) -> Instant {
        Instant(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}

/// Encoded as its seconds since 1970 (a JSON number).
extension Instant: Codable {
    public init(from decoder: any Decoder) throws {
        secondsSinceEpoch = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(secondsSinceEpoch)
    }
}
