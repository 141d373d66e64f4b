import DSRApp
import DSRCore
import DSRLedger

/// Turns the application's values into what templates show: every date and moment as a
/// `<time>` (machine value and the German or English text), labels in the user's language.
struct Views {
    let format: HumanFormat
    var language: Language { format.language }

    init(language: Language, zone: ZoneRules) {
        format = HumanFormat(language: language, zone: zone)
    }

    /// `<time datetime="2026-03-02">Mo 02.03.2026</time>` parts of a day.
    func date(_ date: CivilDate) -> [String: Any] {
        ["iso": ISOFormat.date(date), "text": format.date(date)]
    }

    /// The parts of a moment: the ISO instant with the zone's offset, and the local text.
    func instant(_ instant: Instant) -> [String: Any] {
        ["iso": ISOFormat.zoned(instant, zone: format.zone), "text": format.instant(instant)]
    }

    /// A day stored as ISO text in a projection row.
    func date(iso text: String) -> [String: Any] {
        (try? CivilDateInput.parse(text)).map(date) ?? ["iso": text, "text": text]
    }

    /// A row of a case list.
    func row(_ entry: CaseEntry) -> [String: Any] {
        let summary = entry.summary
        var row: [String: Any] = [
            "id": summary.id,
            "status": entry.status.label(language), "statusKey": entry.status.rawValue,
            "kinds": summary.requestKinds.map { $0.label(language) }.joined(separator: ", "),
            "channel": Channel(rawValue: summary.channel)?.label(language) ?? summary.channel,
            "received": instant(Instant(secondsSinceEpoch: summary.receivedAt)),
            "deadline": date(iso: summary.dueDate),
            "internalDue": instant(Instant(secondsSinceEpoch: summary.internalDue)),
        ]
        if let assignee = summary.assignee { row["assignee"] = assignee }
        if let due = entry.acknowledgementDue {
            row["ackDue"] = instant(due)
            row["ack"] = entry.acknowledgement?.shortLabel(language) ?? ""
        }
        return row
    }
}
