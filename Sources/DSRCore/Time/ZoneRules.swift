import Foundation

/// The UTC offsets of one time zone over the years the tracker handles, as a sorted table of
/// transitions with a per-day index into it, so converting between UTC and local time costs a
/// table look-up instead of a call into Foundation.
public struct ZoneRules: Sendable {
    /// The IANA identifier (`Europe/Berlin`).
    public let identifier: String
    /// UTC instants at which the offset changes, ascending.
    private let transitions: [Int64]
    /// `offsets[i]` is in force before `transitions[i]`; the last one after the last transition.
    private let offsets: [Int32]
    /// For each transition, the local wall-clock window it makes odd: from the earlier to the
    /// later of its local times under the old and the new offset. Inside it a local time is
    /// skipped (clocks forward) or occurs twice (clocks back).
    private let localWindowStarts: [Int64]
    private let localWindowEnds: [Int64]
    /// The first UTC day (days since 1970) of `transitionsBeforeDay`.
    private let firstIndexedDay: Int64
    /// For each UTC day of the years covered: how many transitions happen before it starts.
    private let transitionsBeforeDay: [Int32]

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
        let start = Date(
            timeIntervalSince1970: Double(CivilDate(unchecked: years.lowerBound, 1, 1).dayNumber - 2) * 86_400)
        let end = Date(
            timeIntervalSince1970: Double(CivilDate(unchecked: years.upperBound, 12, 31).dayNumber + 2) * 86_400)
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
        localWindowStarts = transitions.indices.map {
            transitions[$0] + Int64(min(offsets[$0], offsets[$0 + 1]))
        }
        localWindowEnds = transitions.indices.map {
            transitions[$0] + Int64(max(offsets[$0], offsets[$0 + 1]))
        }
        let firstDay = Int64(start.timeIntervalSince1970 / 86_400)
        let lastDay = Int64(end.timeIntervalSince1970 / 86_400)
        firstIndexedDay = firstDay
        var before: [Int32] = []
        before.reserveCapacity(Int(lastDay - firstDay + 1))
        var passed = 0
        for day in firstDay...lastDay {
            while passed < transitions.count, transitions[passed] < day * 86_400 { passed += 1 }
            before.append(Int32(passed))
        }
        transitionsBeforeDay = before
    }

    /// The offset from UTC, in seconds, in force at an instant.
    @inline(__always)
    public func offset(at instant: Instant) -> Int64 {
        Int64(offsets[transitionIndex(after: instant.secondsSinceEpoch)])
    }

    /// The index of the first transition later than `t` (`transitions.count` if none).
    @inline(__always)
    private func transitionIndex(after t: Int64) -> Int {
        let dayIndex = Int(floorDivide(t, 86_400) - firstIndexedDay)
        if dayIndex >= 0, dayIndex < transitionsBeforeDay.count {
            var index = Int(transitionsBeforeDay[dayIndex])
            while index < transitions.count, transitions[index] <= t { index += 1 }
            return index
        }
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

    /// Which instants have a given local wall-clock time (one binary search).
    public func resolve(localSeconds local: Int64) -> LocalResolution {
        // The first transition whose odd window has not ended by `local`.
        var low = 0
        var high = localWindowEnds.count
        while low < high {
            let mid = (low + high) >> 1
            if localWindowEnds[mid] <= local { low = mid + 1 } else { high = mid }
        }
        let before = Int64(offsets[low])
        guard low < localWindowStarts.count, local >= localWindowStarts[low] else {
            return .unique(Instant(secondsSinceEpoch: local - before))
        }
        let after = Int64(offsets[low + 1])
        if after > before {
            return .nonexistent(gapEnd: Instant(secondsSinceEpoch: transitions[low]))
        }
        return .ambiguous(
            Instant(secondsSinceEpoch: local - before), Instant(secondsSinceEpoch: local - after))
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
