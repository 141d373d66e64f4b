import DSRCore

/// The human-readable answer of `dsr deadline`: each date with the rule behind it.
struct DeadlineReport {
    let engine: DeadlineEngine
    let format: HumanFormat

    private var explanation: DeadlineExplanation { DeadlineExplanation(engine: engine, format: format) }

    func render(_ schedule: Schedule, kind: RequestKind) -> String {
        let lang = format.language
        var rows: [(String, String)] = []
        rows.append((lang.pick("Eingang", "Received"), format.instant(schedule.received)))
        rows.append((lang.pick("Eingangstag", "Receipt day"), format.date(schedule.receiptDate)))
        rows.append((lang.pick("Eingang im Büro", "Office receipt"), format.instant(schedule.officeReceipt)))
        rows.append(
            (lang.pick("Frist", "Deadline"), format.date(schedule.deadline) + " (\(explanation.rule(for: kind)))"))
        if let shift = explanation.roll(schedule) { rows.append(("", shift)) }
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
