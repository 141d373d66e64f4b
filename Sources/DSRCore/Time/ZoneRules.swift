import Foundation

/// The UTC offsets of one time zone over the years the tracker handles, as a sorted table of
/// transitions, so converting between UTC and local time costs a binary search instead of a
/// call into Foundation.
public struct ZoneRules: Sendable {
    /// The IANA identifier (`Europe/Berlin`).
    public let identifier: String
    /// UTC instants at which the offset changes, ascending.
    private let transitions: [Int64]
    /// `offsets[i]` is in force before `transitions[i]`; the last one after the last transition.
    private let offsets: [Int32]

    /// How a local wall-clock time maps to UTC.
    public enum LocalResolution: Equatable, Sendable {
        /// Exactly one instant has this local time.
        case unique(Instant)
        /// The time occurs twice (clocks set back); earlier and later instant.
        case ambiguous(Instant, Instant)
        /// The time does not occur (clocks set forward); the instant the gap ends.
        case nonexistent(gapEnd: Instant)
    }

    /// Reads the rules of a zone from Foundation for the given years.
    public init?(identifier: String, years: ClosedRange<Int>) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        let start = Date(timeIntervalSince1970: Double(CivilDate(unchecked: years.lowerBound, 1, 1).dayNumber - 2) * 86_400)
        let end = Date(timeIntervalSince1970: Double(CivilDate(unchecked: years.upperBound, 12, 31).dayNumber + 2) * 86_400)
        var transitions: [Int64] = []
        var offsets: [Int32] = [Int32(zone.secondsFromGMT(for: start))]
        var cursor = start
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            let offset = Int32(zone.secondsFromGMT(for: next))
            if offset != offsets.last {
                transitions.append(Int64(next.timeIntervalSince1970.rounded()))
                offsets.append(offset)
            }
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
    }

    /// The offset from UTC, in seconds, in force at an instant.
    @inline(__always)
    public func offset(at instant: Instant) -> Int64 {
        Int64(offsets[transitionIndex(after: instant.secondsSinceEpoch)])
    }

    /// The index of the first transition later than `t` (`transitions.count` if none).
    @inline(__always)
    private func transitionIndex(after t: Int64) -> Int {
        var low = 0
        var high = transitions.count
        while low < high {
            let mid = (low + high) >> 1
            if transitions[mid] <= t { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Local wall-clock seconds since 1970-01-01T00:00 (as if the local time were UTC).
    @inline(__always)
    public func localSeconds(at instant: Instant) -> Int64 {
        instant.secondsSinceEpoch + offset(at: instant)
    }

    /// The local date of an instant.
    @inline(__always)
    public func localDayNumber(at instant: Instant) -> Int {
        Int(floorDivide(localSeconds(at: instant), 86_400))
    }

    /// Which instants have a given local wall-clock time.
    public func resolve(localSeconds local: Int64) -> LocalResolution {
        let offsetBefore = offset(at: Instant(secondsSinceEpoch: local - 86_400))
        let offsetAfter = offset(at: Instant(secondsSinceEpoch: local + 86_400))
        let early = Instant(secondsSinceEpoch: local - offsetBefore)
        let late = Instant(secondsSinceEpoch: local - offsetAfter)
        let earlyValid = offset(at: early) == offsetBefore
        let lateValid = offset(at: late) == offsetAfter
        switch (earlyValid, lateValid) {
        case (true, true) where early != late: return .ambiguous(min(early, late), max(early, late))
        case (true, _): return .unique(early)
        case (false, true): return .unique(late)
        case (false, false):
            // In the gap: it ends at the transition between the two candidates.
            let gapEnd = transitions[transitionIndex(after: late.secondsSinceEpoch)]
            return .nonexistent(gapEnd: Instant(secondsSinceEpoch: gapEnd))
        }
    }

    /// The instant of a local wall-clock time that exists at most once around office hours;
    /// takes the earlier instant when it occurs twice and the gap's end when it does not occur.
    @inline(__always)
    public func instant(localSeconds local: Int64) -> Instant {
        switch resolve(localSeconds: local) {
        case .unique(let instant), .ambiguous(let instant, _), .nonexistent(gapEnd: let instant):
            return instant
        }
    }

    /// The first instant of a local day.
    @inline(__always)
    public func startOfDay(_ dayNumber: Int) -> Instant {
        instant(localSeconds: Int64(dayNumber) * 86_400)
    }

    /// The last second of a local day (the second before the next day starts).
    @inline(__always)
    public func endOfDay(_ dayNumber: Int) -> Instant {
        startOfDay(dayNumber + 1).adding(seconds: -1)
    }
}

/// Integer division rounding towards minus infinity.
@inline(__always)
func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
