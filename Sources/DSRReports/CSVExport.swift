import DSRCore
import Foundation

/// The cases of a period as CSV for spreadsheets: `excel-de` (semicolon, UTF-8 with BOM,
/// German dates, CRLF) or `rfc4180` (comma, ISO dates, CRLF).
public enum CSVExport {
    public enum Dialect: String, CaseIterable, Sendable {
        case excelDE = "excel-de"
        case rfc4180
    }

    public static func write(_ input: ReportInput, dialect: Dialect, to path: String) throws {
        let sink = try OutputSink(path: path)
        let separator = dialect == .excelDE ? ";" : ","
        if dialect == .excelDE { try sink.write(bytes: [0xEF, 0xBB, 0xBF]) }
        var header =
            input.german
            ? [
                "Fall", "Eingang", "Anliegen", "Kanal", "Status", "Frist", "Frist in Kraft", "Intern fällig",
                "Verlängerung", "Beantwortet", "Ergebnisse", "Rechtsgrundlagen", "Bearbeiter",
            ]
            : [
                "Case", "Received", "Requests", "Channel", "Status", "Deadline", "Due date", "Internal due",
                "Extension", "Answered", "Outcomes", "Legal bases", "Assignee",
            ]
        if input.includePersonalData { header += input.german ? ["Name", "Kontakt"] : ["Subject", "Contact"] }
        try sink.write(header.map { field($0, dialect) }.joined(separator: separator) + "\r\n")
        try input.forEachCase { item in
            let state = item.state
            let schedule = item.schedule
            let zone = item.engine.zone
            let german = DateText(german: true, zone: zone)
            func date(_ value: CivilDate) -> String { dialect == .excelDE ? german.date(value) : value.description }
            func instant(_ value: Instant) -> String {
                dialect == .excelDE ? german.instant(value) : ISOFormat.zoned(value, zone: zone)
            }
            var row = [
                state.id.rawValue, instant(state.receivedAt), state.kinds.map(\.rawValue).joined(separator: "+"),
                state.channel.rawValue, item.status.rawValue, date(schedule.deadline), date(schedule.dueDate),
                instant(schedule.internalDue), schedule.extensionState.rawValue,
                state.answeredAt.map(instant) ?? "",
                state.kinds.compactMap { kind in state.answers[kind].map { "\(kind.rawValue):\($0.outcome.rawValue)" } }
                    .joined(separator: "+"),
                state.kinds.compactMap { state.answers[$0]?.basis }.joined(separator: " | "),
                state.assignee ?? "",
            ]
            if input.includePersonalData {
                row += [
                    item.personalField(.subject, erased: "[purged]") ?? "",
                    item.personalField(.contact, erased: "[purged]") ?? "",
                ]
            }
            try sink.write(row.map { field($0, dialect) }.joined(separator: separator) + "\r\n")
        }
        try sink.finish()
    }

    /// A field, quoted when it holds the separator, a quote or a line break (quotes doubled);
    /// for Excel, a leading `=`, `+`, `-` or `@` is defused with an apostrophe so that no
    /// cell runs as a formula.
    static func field(_ value: String, _ dialect: Dialect) -> String {
        var value = value
        if dialect == .excelDE, let first = value.first, "=+-@".contains(first), Double(value) == nil {
            value = "'" + value
        }
        let separator: Character = dialect == .excelDE ? ";" : ","
        guard value.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
