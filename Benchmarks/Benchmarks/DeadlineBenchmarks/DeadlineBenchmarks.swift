import Benchmark
import DSRCore
import DSRXML

/// The deadline engine on random receipt moments, with Kaiserslautern's embedded policy.
///
/// Target (issue 2): ≥ 3 million schedules per second on one core, and no allocation per
/// call once the holiday table is built. The engine and 4,096 random receipts are prepared
/// outside the measured loop.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal, .instructions],
        scalingFactor: .mega,
        maxDuration: .seconds(5),
        maxIterations: 20
    )

    Benchmark("schedule (random receipts 1995–2100)") { benchmark in
        let loaded = try PolicyLoader.loadDefault()
        let engine = try DeadlineEngine(policy: loaded.policy, holidayRules: loaded.holidayRules)
        var generator = SeededGenerator(seed: 42)
        let first: Int64 = 788_918_400  // 1995-01-01T00:00:00Z
        let last: Int64 = 4_133_894_399  // 2100-12-31T23:59:59Z
        let receipts = (0..<4096).map { _ in
            DeadlineFacts(received: Instant(secondsSinceEpoch: Int64.random(in: first...last, using: &generator)))
        }
        let now = Instant(secondsSinceEpoch: 1_800_000_000)
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            blackHole(try engine.schedule(receipts[index & 4095], at: now))
        }
    }
}
