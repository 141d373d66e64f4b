import DSRCore
import DSRXML

/// The engines the tests run against: the real embedded policy and holiday data.
enum Fixtures {
    /// Kaiserslautern's policy as shipped.
    static let kaiserslautern: LoadedPolicy = {
        do { return try PolicyLoader.loadDefault() } catch { fatalError("embedded policy does not load: \(error)") }
    }()

    /// The engine for Kaiserslautern's policy, optionally changed.
    static func engine(_ change: (inout Policy) -> Void = { _ in }) -> DeadlineEngine {
        var policy = kaiserslautern.policy
        change(&policy)
        do {
            return try DeadlineEngine(policy: policy, holidayRules: kaiserslautern.holidayRules)
        } catch {
            fatalError("engine does not build: \(error)")
        }
    }

    static let engine = Fixtures.engine()

    /// The instant of a text (ISO with offset, or Berlin local time).
    static func instant(_ text: String) -> Instant {
        do { return try TimeInput(zone: engine.zone).instant(from: text, now: Instant(secondsSinceEpoch: 0)) } catch {
            fatalError("bad fixture time \(text): \(error)")
        }
    }

    /// A date from `YYYY-MM-DD`.
    static func date(_ text: String) -> CivilDate {
        let parts = text.split(separator: "-").map { Int($0)! }
        return CivilDate(year: parts[0], month: parts[1], day: parts[2])!
    }

    /// A moment far after every deadline in the tests, for evaluating schedules.
    static let later = Instant(secondsSinceEpoch: 4_200_000_000)
}
