import Foundation
import Synchronization

/// The whole-chain verification, whatever database holds the rows: cuts the chain up to its
/// head into ranges, checks them side by side (`ChainCheck` in each, on a connection of the
/// backend's own), and turns what they found into one report: the problem with the lowest
/// event id, events beyond the head, and a head that does not match the last event.
package enum ChainVerification {
    /// Runs the check. `head` is the recorded chain head (nil: an empty chain);
    /// `firstBeyondHead` the lowest event id above it, if any; `check` verifies one range of
    /// ids and its vault records; `lastHash` reads the stored hash of the head's event. With
    /// `threadPerRange`, every range runs at once on a thread of its own, for a backend whose
    /// check waits on a server for part of its time: while one range waits, another checks.
    package static func run(
        head: (lastEventID: Int64, hash: Data)?, firstBeyondHead: Int64?, parallelism: Int,
        threadPerRange: Bool = false, check: @escaping @Sendable (ClosedRange<Int64>) throws -> VerificationPart,
        lastHash: () throws -> Data?
    ) throws -> VerificationReport {
        let headID = head?.lastEventID ?? 0
        let rangeCount = Int64(max(1, min(parallelism * 2, 16)))
        let size = max(1, (headID + rangeCount - 1) / rangeCount)
        let ranges =
            headID == 0
            ? [] : stride(from: Int64(1), through: headID, by: Int(size)).map { $0...min($0 + size - 1, headID) }
        let outcomes = Mutex([Result<VerificationPart, any Error>?](repeating: nil, count: ranges.count))
        let job: @Sendable (Int) -> Void = { job in
            let outcome = Result { try check(ranges[job]) }
            outcomes.withLock { $0[job] = outcome }
        }
        if threadPerRange {
            let done = DispatchGroup()
            for index in ranges.indices {
                done.enter()
                Thread {
                    job(index)
                    done.leave()
                }.start()
            }
            done.wait()
        } else {
            DispatchQueue.concurrentPerform(iterations: ranges.count, execute: job)
        }
        let parts = try outcomes.withLock { $0 }.compactMap { try $0?.get() }
        var problems = parts.compactMap(\.problem)
        if let beyond = firstBeyondHead { problems.append((beyond, .inserted(event: beyond))) }
        let events = parts.reduce(0) { $0 + $1.events }
        let purged = parts.reduce(0) { $0 + $1.purged }
        let sealedUnchecked = parts.reduce(0) { $0 + $1.sealedUnchecked }
        let headHash = head?.hash.hexString ?? Chain.genesis.hexString
        var problem = problems.min { $0.0 < $1.0 }?.1
        if problem == nil, headID > 0, try lastHash() != head?.hash {
            problem = .headMismatch(event: headID)
        }
        return VerificationReport(
            events: events, head: headHash, purgedRecords: purged, sealedUnchecked: sealedUnchecked, problem: problem)
    }
}
