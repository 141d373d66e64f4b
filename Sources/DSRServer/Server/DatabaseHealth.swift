import DSRApp
import Foundation
import Synchronization

/// Whether the database answers, as `/healthz` reports it to a load balancer: asked at most
/// once a second, so polling (or a benchmark) does not turn into a query per request.
final class DatabaseHealth: Sendable {
    private let lastAnswer = Mutex<(at: Date, reachable: Bool)?>(nil)

    /// The last answer if it is under a second old, else a new one from `tracker`.
    func isReachable(_ tracker: Tracker) async -> Bool {
        let now = Date()
        if let last = lastAnswer.withLock({ $0 }), now.timeIntervalSince(last.at) < 1 { return last.reachable }
        let reachable = (try? await tracker.perform { try $0.checkDatabase() }) != nil
        lastAnswer.withLock { $0 = (now, reachable) }
        return reachable
    }
}
