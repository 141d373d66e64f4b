import DSRCore
import DSRLedger
import Foundation

/// The open deadlines as an iCalendar feed (RFC 5545): for each case that still owes an
/// answer, an all-day event on its deadline and a timed event at its internal due. No
/// personal data: a subscribed calendar leaves the machine.
public enum ICSExport {
    public static func write(_ input: ReportInput, to path: String) throws {
        let sink = try OutputSink(path: path)
        let stamp = compactUTC(input.now)
        try sink.write(
            lines([
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//dsr//GDPR request tracker//DE", "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "X-WR-CALNAME:" + text(input.pick("Fristen Betroffenenanfragen", "Data-subject request deadlines")),
            ]))
        for summary in try input.records.activeCases() {
            let engine = try input.engine(summary)
            let (status, _) = summary.status(at: input.now, engine: engine)
            let kinds = summary.requestKinds.map { input.german ? $0.germanName : $0.englishName }.joined(
                separator: ", ")
            guard let due = CivilDate(iso: summary.dueDate) else { continue }
            let statusName = input.pick(status.germanName, status.englishName)
            try sink.write(
                lines([
                    "BEGIN:VEVENT", "UID:\(summary.id)-deadline-\(summary.dueDate)@dsr", "DTSTAMP:\(stamp)",
                    "DTSTART;VALUE=DATE:\(compact(due))", "DTEND;VALUE=DATE:\(compact(due.adding(days: 1)))",
                    "SUMMARY:"
                        + text(
                            input.pick("Frist Fall \(summary.id) (\(kinds))", "Deadline case \(summary.id) (\(kinds))")),
                    "DESCRIPTION:" + text(input.pick("Status: \(statusName)", "Status: \(statusName)")),
                    "TRANSP:TRANSPARENT", "END:VEVENT",
                    "BEGIN:VEVENT", "UID:\(summary.id)-internal-\(summary.internalDue)@dsr", "DTSTAMP:\(stamp)",
                    "DTSTART:\(compactUTC(Instant(secondsSinceEpoch: summary.internalDue - 1800)))",
                    "DTEND:\(compactUTC(Instant(secondsSinceEpoch: summary.internalDue)))",
                    "SUMMARY:"
                        + text(
                            input.pick(
                                "Intern fällig: Fall \(summary.id) (\(kinds))",
                                "Internal due: case \(summary.id) (\(kinds))")),
                    "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P1D",
                    "DESCRIPTION:"
                        + text(
                            input.pick(
                                "Fall \(summary.id) ist morgen intern fällig",
                                "Case \(summary.id) is internally due tomorrow")),
                    "END:VALARM", "END:VEVENT",
                ]))
        }
        try sink.write(lines(["END:VCALENDAR"]))
        try sink.finish()
    }

    /// Content lines with CRLF, folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8
    /// sequence.
    static func lines(_ contentLines: [String]) -> String {
        contentLines.map { line in
            var folded = ""
            var octets = 0
            for character in line {
                let width = character.utf8.count
                if octets + width > 75 {
                    folded += "\r\n "
                    octets = 1
                }
                folded.append(character)
                octets += width
            }
            return folded + "\r\n"
        }.joined()
    }

    /// A TEXT value with `\`, `;`, `,` and line breaks escaped (RFC 5545 §3.3.11).
    static func text(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r\n": escaped += "\\n"
            case "\r": break
            default: escaped.append(character)
            }
        }
        return escaped
    }

    static func compact(_ date: CivilDate) -> String {
        String(format: "%04d%02d%02d", date.year, date.month, date.day)
    }

    static func compactUTC(_ instant: Instant) -> String {
        ISOFormat.utc(instant).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }
}
