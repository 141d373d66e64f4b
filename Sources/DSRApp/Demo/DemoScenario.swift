import DSRCore
import DSRLedger
import Foundation

/// The synthetic data of `dsr demo`: requests over all channels and kinds, with
/// acknowledgements, identity checks, clarifications, extensions (a few late), forwards to
/// Meta, answers (a few late, some refused), notices to recipients, notes, withdrawals — and
/// the most recent ones still open, some of them overdue. Names are obviously fictitious.
struct DemoScenario {
    var random: SeededGenerator
    let now: Instant
    let caseCount: Int
    let engine: DeadlineEngine
    let policy: PolicyReference

    static let firstNames = [
        "Max", "Erika", "Otto", "Lieschen", "Hans", "Gabi", "Fritz", "Liese", "Karl", "Anna", "Paul", "Greta",
    ]
    static let lastNames = [
        "Mustermann", "Musterfrau", "Normalverbraucher", "Beispiel", "Probe", "Platzhalter", "Testmann", "Fiktiv",
        "Erfunden",
    ]
    static let staff = ["pressestelle1", "pressestelle2", "pressestelle3"]
    static let day: Int64 = 86_400
    /// Cases are committed in chunks of this many, so memory and the WAL stay small.
    static let chunk = 2_000

    init(seed: UInt64, now: Instant, caseCount: Int, engine: DeadlineEngine, policy: PolicyReference) {
        random = SeededGenerator(seed: seed)
        self.now = now
        self.caseCount = caseCount
        self.engine = engine
        self.policy = policy
    }

    /// Writes all cases into the store, in chronological order of receipt.
    mutating func write(into store: any CaseRepository) throws {
        let spanDays = Int64(min(max(caseCount * 2, 120), 3650))
        var receipts = (0..<caseCount).map { _ in
            now.adding(seconds: -Int64.random(in: 3600...(spanDays * Self.day), using: &random))
        }
        receipts.sort()
        var start = 0
        while start < receipts.count {
            let end = min(start + Self.chunk, receipts.count)
            try store.bulk { session in
                for received in receipts[start..<end] { try writeCase(received: received, session: session) }
            }
            start = end
        }
    }

    private mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &random) < probability
    }

    private mutating func pick<T>(_ weighted: [(T, Int)]) -> T {
        var roll = Int.random(in: 0..<weighted.reduce(0) { $0 + $1.1 }, using: &random)
        for (value, weight) in weighted {
            if roll < weight { return value }
            roll -= weight
        }
        return weighted[0].0
    }

    private mutating func later(_ instant: Instant, days: ClosedRange<Double>) -> Instant {
        instant.adding(seconds: Int64(Double.random(in: days, using: &random) * Double(Self.day)))
    }

    /// The steps of a case that is worked on to its end: identity check or clarification,
    /// forward to Meta, extension, answers, notice to recipients, closing. A few cases are
    /// forgotten (they turn overdue) and a few answered late.
    private mutating func stepsUntilClosed(
        received: Instant, kinds: [RequestKind], channel: Channel
    ) -> [(at: Instant, event: Event, personal: [PersonalField: String])] {
        var steps: [(at: Instant, event: Event, personal: [PersonalField: String])] = []
        var pausedDays = 0.0
        if chance(0.15) {
            let asked = later(received, days: 0.5...3)
            pausedDays = Double.random(in: 2...12, using: &random)
            steps.append((asked, .identityRequested, [:]))
            steps.append((later(asked, days: pausedDays...pausedDays), .identityConfirmed, [:]))
        } else if chance(0.06) {
            let asked = later(received, days: 0.5...4)
            pausedDays = Double.random(in: 3...15, using: &random)
            steps.append((asked, .clarificationRequested, [:]))
            steps.append(
                (
                    later(asked, days: pausedDays...pausedDays), .clarificationReceived,
                    [.note: "Anfrage auf Social-Media-Daten beschränkt (Demo)"]
                ))
        }
        if [.facebook, .instagram].contains(channel), chance(0.5) {
            steps.append((later(received, days: 1...6), .forwarded(to: "meta"), [:]))
        }
        let extended = kinds.contains { !$0.isCivilClaim } && chance(0.08)
        if extended {
            let lateNotice = chance(0.1)
            let notified = later(received, days: lateNotice ? (33 + pausedDays)...(36 + pausedDays) : 18...27)
            steps.append((notified, .extended(notifiedAt: notified), [.reason: "Umfang und Zahl der Anträge (Demo)"]))
        }
        // A few recent ones are forgotten and turn overdue (older ones were found and answered late).
        let forgotten = chance(0.04)
        guard !forgotten || received.secondsSinceEpoch < now.secondsSinceEpoch - 120 * Self.day else { return steps }
        let late = (!extended && chance(0.04)) || forgotten
        let answerDays = extended ? 40.0...80.0 : (late ? 34.0...45.0 : 4.0...27.0)
        let answeredAt = later(
            received, days: (answerDays.lowerBound + pausedDays)...(answerDays.upperBound + pausedDays))
        for kind in kinds {
            let outcome: Outcome = pick([(.granted, 70), (.noData, 12), (.partial, 10), (.refused, 8)])
            let basis =
                outcome.needsReasons
                ? pick([("Art. 12 Abs. 5 DSGVO", 1), ("§ 12 LDSG RLP", 2), ("Art. 17 Abs. 3 lit. b DSGVO", 1)]) : nil
            steps.append((answeredAt, .answered(kind: kind, outcome: outcome, basis: basis), [:]))
        }
        if kinds.contains(where: { [.rectification, .erasure, .restriction].contains($0) }) {
            steps.append((later(answeredAt, days: 0.5...3), .recipientsNotified, [:]))
        }
        steps.append((later(answeredAt, days: 3.5...6), .closed, [:]))
        return steps
    }

    private mutating func writeCase(received: Instant, session: any CaseWriteBatch) throws {
        let kinds: [RequestKind] = pick([
            ([.access], 50), ([.erasure], 18), ([.access, .erasure], 10), ([.rectification], 8), ([.objection], 5),
            ([.restriction], 3), ([.portability], 1), ([.consentWithdrawal], 2), ([.injunction], 2), ([.removal], 1),
        ])
        let channel: Channel = pick([
            (.email, 45), (.post, 20), (.facebook, 15), (.instagram, 6), (.twitter, 5), (.youtube, 1), (.phone, 4),
            (.inPerson, 4),
        ])
        let first = Self.firstNames.randomElement(using: &random)!
        let last = Self.lastNames.randomElement(using: &random)!
        var personal: [PersonalField: String] = [.subject: "\(first) \(last)"]
        switch channel {
        case .email: personal[.contact] = "\(first.lowercased()).\(last.lowercased())@example.org"
        case .post, .inPerson:
            personal[.contact] = "Musterstraße \(Int.random(in: 1...99, using: &random)), 67657 Kaiserslautern"
        case .phone: personal[.contact] = "+49 631 000 \(Int.random(in: 1000...9999, using: &random))"
        default: personal[.contact] = "@\(first.lowercased())_\(last.lowercased())_demo"
        }
        let claimantDue =
            kinds.contains(where: \.isCivilClaim)
            ? CivilDate(dayNumber: engine.zone.localDayNumber(at: received) + Int.random(in: 10...21, using: &random))
            : nil
        let actor = Self.staff.randomElement(using: &random)!
        let (_, logged) = try session.log(
            NewCase(kinds: kinds, channel: channel, received: received, claimantDue: claimantDue, personal: personal),
            policy: policy, engine: engine, actor: actor, recordedAt: min(now, later(received, days: 0...0.2)))
        var state = logged

        // The steps of this case in the world, in time order; those after `now` have not happened.
        var steps: [(at: Instant, event: Event, personal: [PersonalField: String])] = []
        if chance(0.9) { steps.append((later(received, days: 0.05...1.5), .acknowledged, [:])) }
        if chance(0.85) {
            steps.append(
                (later(received, days: 0.01...1), .assigned(to: Self.staff.randomElement(using: &random)!), [:]))
        }
        if chance(0.15) {
            steps.append((later(received, days: 1...20), .noteAdded, [.note: "Rückruf vereinbart (Demo)"]))
        }
        if chance(0.02) {
            steps.append((later(received, days: 2...10), .withdrawn, [:]))
        } else {
            steps += stepsUntilClosed(received: received, kinds: kinds, channel: channel)
        }
        // Stable: steps at the same moment keep their order (answers before closing).
        let ordered = steps.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(
            \.element)
        for step in ordered where step.at <= now {
            let recordedAt = min(now, later(step.at, days: 0...0.05))
            _ = try session.record(
                step.event, on: &state, personal: step.personal, at: step.at, actor: actor,
                recordedAt: recordedAt, policy: engine.policy)
        }
        try session.saveProjection(state, engine: engine, now: now)
    }
}
