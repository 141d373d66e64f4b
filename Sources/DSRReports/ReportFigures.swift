import DSRCore

/// The key figures of a period, gathered case by case.
struct ReportFigures {
    var cases = 0
    var answeredOnTime = 0
    var answeredLate = 0
    var open = 0
    var overdue = 0
    var withdrawn = 0
    var extended = 0
    var extendedNonCompliant = 0
    /// Cases whose receipt was acknowledged after the policy's target, or is still owed past it.
    var acknowledgedLate = 0
    /// Cases with a refusal or partial refusal.
    var refused = 0
    /// Refusals by legal basis ("" for none given).
    var refusalsByBasis: [String: Int] = [:]
    /// Seconds and office seconds from receipt to the last answer, of answered cases.
    var secondsToAnswer: [Int64] = []
    var officeSecondsToAnswer: [Int64] = []
    /// Requests per month ("2026-03") and kind; per channel; answered on time per month.
    var requestsByMonthAndKind: [String: [RequestKind: Int]] = [:]
    var requestsByChannel: [Channel: Int] = [:]
    var answeredByMonth: [String: (onTime: Int, late: Int)] = [:]

    /// Counts one case, as it stands at `now`.
    mutating func add(_ item: ReportCase, at now: Instant) {
        cases += 1
        let state = item.state
        if let target = item.engine.acknowledgementDue(receivedAt: state.receivedAt) {
            let late =
                state.acknowledgedAt.map { $0 > target } ?? (item.schedule.acknowledgementDue != nil && now > target)
            if late { acknowledgedLate += 1 }
        }
        let month = String(item.schedule.receiptDate.description.prefix(7))
        for kind in state.kinds { requestsByMonthAndKind[month, default: [:]][kind, default: 0] += 1 }
        requestsByChannel[state.channel, default: 0] += 1
        switch item.schedule.extensionState {
        case .inEffect: extended += 1
        case .notifiedLate, .withoutReasons:
            extended += 1
            extendedNonCompliant += 1
        default: break
        }
        let refusals = state.answers.values.filter { $0.outcome.needsReasons }
        if !refusals.isEmpty { refused += 1 }
        for refusal in refusals { refusalsByBasis[refusal.basis ?? "", default: 0] += 1 }
        if state.lifecycle == .withdrawn {
            withdrawn += 1
        } else if let answeredAt = state.answeredAt {
            let late = item.schedule.status == .answeredLate
            if late { answeredLate += 1 } else { answeredOnTime += 1 }
            var counts = answeredByMonth[month] ?? (0, 0)
            if late { counts.late += 1 } else { counts.onTime += 1 }
            answeredByMonth[month] = counts
            secondsToAnswer.append(answeredAt.secondsSinceEpoch - state.receivedAt.secondsSinceEpoch)
            officeSecondsToAnswer.append(item.engine.calendar.officeSeconds(from: state.receivedAt, to: answeredAt))
        } else if state.lifecycle == .open {
            open += 1
            if item.status == .overdue { overdue += 1 }
        }
    }

    /// The value below which `fraction` of the values lie (nearest rank), or nil if none.
    static func percentile(_ values: [Int64], _ fraction: Double) -> Int64? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
