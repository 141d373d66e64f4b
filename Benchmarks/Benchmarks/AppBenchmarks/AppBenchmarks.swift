import Benchmark
import DSRApp
import DSRCore
import Foundation

/// The application layer in process, as the web server will call it, on the tracker of
/// `dsr demo --cases 100000` (built once, in the temporary folder, and kept for later runs).
///
/// Targets (issue 10): the overdue view under 5 ms, logging a case under 5 ms (its fsync is
/// the floor).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .microseconds,
        maxDuration: .seconds(10),
        maxIterations: 200
    )

    Benchmark("overdue view on 100,000 cases (supervisor)") { benchmark in
        let session = try DemoTracker.session(name: "overdue", login: "dsr-bench")
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try session.overdueCases(at: DemoTracker.moment))
        }
    }

    Benchmark("log a case into 100,000 cases (fsync'd)") { benchmark in
        // A tracker of its own: the cases it logs would change the overdue view's figures.
        let session = try DemoTracker.session(name: "log", login: "dsr-bench")
        let input = CaseInput(
            kinds: [.access, .erasure], channel: .email, received: DemoTracker.moment,
            personal: [.subject: "Bianca Benchmark", .contact: "bianca@example.org"])
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try session.logCase(input))
        }
    }
}

/// The demo trackers of the benchmarks: 100,000 cases, seed 1, at a fixed moment.
enum DemoTracker {
    static let moment = Instant(secondsSinceEpoch: 1_796_000_000)  // 2026-11-30T00:53:20Z

    /// A session on the demo tracker `name`, creating it first if it is not there yet.
    static func session(name: String, login: String) throws -> Session {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dsr-bench-\(name)-100000.sqlite").path
        let fresh = !FileManager.default.fileExists(atPath: path)
        let tracker = try Tracker.open(TrackerConfiguration(databasePath: path), actor: login, now: moment)
        let session = try tracker.session(login: login, now: moment)
        if fresh { _ = try session.fillWithDemoData(cases: 100_000, seed: 1, at: moment) }
        return session
    }
}
