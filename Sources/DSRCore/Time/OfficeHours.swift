/// A time of day, in minutes after local midnight (08:00 = 480).
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int

    /// Creates a time of day, or nil outside 00:00...24:00.
    public init?(hour: Int, minute: Int) {
        guard (0...24).contains(hour), (0...59).contains(minute), hour * 60 + minute <= 1440
        else { return nil }
        minutes = hour * 60 + minute
    }

    /// Parses `HH:MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// `HH:MM`.
    public var description: String {
        let hour = minutes / 60
        let minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }
}

/// One opening of the office on a weekday: from `opens` (inclusive) to `closes` (exclusive).
public struct OfficeSession: Hashable, Sendable {
    public var opens: TimeOfDay
    public var closes: TimeOfDay

    public init(opens: TimeOfDay, closes: TimeOfDay) {
        self.opens = opens
        self.closes = closes
    }
}

/// When the office is open in an ordinary week: the sessions of each weekday, in order.
public struct OfficeHours: Sendable, Equatable {
    private var sessionsByWeekday: [[OfficeSession]]

    /// Office hours from the sessions of each weekday (weekdays not named are closed).
    /// Sessions of a day are sorted by opening time.
    public init(_ sessions: [Weekday: [OfficeSession]]) {
        sessionsByWeekday = Weekday.allCases.map { weekday in
            (sessions[weekday] ?? []).sorted { $0.opens < $1.opens }
        }
    }

    /// The sessions of a weekday, ordered by opening time.
    public func sessions(on weekday: Weekday) -> [OfficeSession] {
        sessionsByWeekday[weekday.rawValue - 1]
    }

    /// Open minutes in an ordinary week.
    public var weeklyMinutes: Int {
        sessionsByWeekday.joined().reduce(0) { $0 + $1.closes.minutes - $1.opens.minutes }
    }
}
