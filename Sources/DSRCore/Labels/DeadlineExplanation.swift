/// Why a deadline falls where it does, in words: the period and its legal source, and the
/// weekend days and holidays it was moved over (Reg. 1182/71 Art. 3(4)). The command line's
/// `dsr deadline` and the web pages say it the same way.
public struct DeadlineExplanation: Sendable {
    public let engine: DeadlineEngine
    public let format: HumanFormat

    public init(engine: DeadlineEngine, format: HumanFormat) {
        self.engine = engine
        self.format = format
    }

    /// `1 Monat, Art. 15 DSGVO, Art. 12 Abs. 3 DSGVO`: the period and the right it belongs to.
    public func rule(for kind: RequestKind) -> String {
        let lang = format.language
        switch engine.policy.deadlineRule(for: kind) {
        case .claimantSet:
            return lang.pick(
                "vom Anspruchsteller gesetzt, \(kind.legalSource)", "set by the claimant, \(kind.legalSource)")
        case .period(let period, _):
            return "\(format.period(period)), \(kind.legalSource), Art. 12 Abs. 3 DSGVO"
        }
    }

    /// Why the deadline is later than the period's last day: the weekend and holidays skipped
    /// (nil when it is not).
    public func roll(_ schedule: Schedule) -> String? {
        guard schedule.periodEnd < schedule.deadline else { return nil }
        let lang = format.language
        var reasons: [String] = []
        var day = schedule.periodEnd
        while day < schedule.deadline {
            if let holiday = engine.holidayCalendar.holidays(in: day.year).first(where: { $0.date == day }) {
                reasons.append("\(format.date(day)) \(lang.pick(holiday.name, holiday.englishName))")
            } else {
                reasons.append(format.date(day))
            }
            day = day.adding(days: 1)
        }
        return lang.pick("verschoben (Art. 3 Abs. 4 VO 1182/71): ", "moved (Reg. 1182/71 Art. 3(4)): ")
            + reasons.joined(separator: ", ")
    }
}
