import DSRCore

/// The human-readable answer of `dsr deadline`: each date with the rule behind it.
struct DeadlineReport {
    let engine: DeadlineEngine
    let format: HumanFormat

    func render(_ schedule: Schedule, kind: RequestKind) -> String {
        let lang = format.language
        var rows: [(String, String)] = []
        rows.append((lang.pick("Eingang", "Received"), format.instant(schedule.received)))
        rows.append((lang.pick("Eingangstag", "Receipt day"), format.date(schedule.receiptDate)))
        rows.append((lang.pick("Eingang im Büro", "Office receipt"), format.instant(schedule.officeReceipt)))
        rows.append((lang.pick("Frist", "Deadline"), format.date(schedule.deadline) + ruleNote(schedule, kind: kind)))
        if let shift = rollNote(schedule) { rows.append(("", shift)) }
        rows.append((lang.pick("Fristende", "Deadline ends"), format.instant(schedule.deadlineEnd)))
        rows.append((lang.pick("Intern fällig", "Internal due"), format.instant(schedule.internalDue)))
        if let extended = schedule.extendedDeadline {
            rows.append(
                (
                    lang.pick("Verlängerung bis", "Extension until"),
                    format.date(extended)
                        + lang.pick(" (bei Verlängerung, Art. 12 Abs. 3 S. 2 DSGVO)", " (if extended, Art. 12(3) GDPR)")
                ))
        }
        rows.append(
            (
                lang.pick("Stand", "Status"),
                statusName(schedule.status) + " · " + format.hours(schedule.officeHoursLeft)
                    + lang.pick(" Bürostunden bis intern fällig", " office hours left until internal due")
            ))
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { label, value in
            label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value
        }.joined(separator: "\n") + "\n"
    }

    /// `(1 Monat, Art. 15 DSGVO)` — the period and the right it belongs to.
    private func ruleNote(_ schedule: Schedule, kind: RequestKind) -> String {
        let lang = format.language
        switch engine.policy.deadlineRule(for: kind) {
        case .claimantSet:
            return lang.pick(
                " (vom Anspruchsteller gesetzt, \(kind.legalSource))", " (set by the claimant, \(kind.legalSource))")
        case .period(let period, _):
            return " (\(format.period(period)), \(kind.legalSource), Art. 12 Abs. 3 DSGVO)"
        }
    }

    /// Why the deadline is later than the period's last day: the weekend and holidays skipped.
    private func rollNote(_ schedule: Schedule) -> String? {
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

    private func statusName(_ status: Schedule.Status) -> String {
        let lang = format.language
        switch status {
        case .open: return lang.pick("offen", "open")
        case .atRisk: return lang.pick("gefährdet", "at risk")
        case .paused: return lang.pick("angehalten (Rückfrage offen)", "paused (waiting for the person)")
        case .overdue: return lang.pick("überfällig", "overdue")
        case .answeredOnTime: return lang.pick("fristgerecht beantwortet", "answered on time")
        case .answeredLate: return lang.pick("verspätet beantwortet", "answered late")
        }
    }
}
