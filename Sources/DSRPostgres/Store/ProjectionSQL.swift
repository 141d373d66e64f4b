import DSRCore
import DSRLedger
import Foundation
import PostgresNIO

/// The case projection's table (`case_projection`) in PostgreSQL: its columns are
/// `CaseSummary.columnNames` in snake case, read and written in that order.
enum ProjectionSQL {
    /// The column names, in the order `CaseSummary(columns:)` reads them.
    static let columns = CaseSummary.columnNames.map(snakeCase)

    /// The select list of every column.
    static let selection = columns.joined(separator: ", ")

    /// `receivedAt` as `received_at`.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Inserts or replaces the row of `summary`.
    static func upsert(_ summary: CaseSummary, in link: PostgresLink) throws {
        let updates = columns.dropFirst().map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
        try link.query(
            """
            INSERT INTO case_projection (\(unescaped: selection)) VALUES (
                \(summary.id), \(summary.year), \(summary.number), \(summary.channel), \(summary.kinds),
                \(summary.receivedAt), \(summary.receiptDate), \(summary.deadline), \(summary.extendedDeadline),
                \(summary.dueDate), \(summary.dueEnd), \(summary.internalDue), \(summary.lifecycle), \(summary.active),
                \(summary.paused), \(summary.extension), \(summary.assignee), \(summary.answeredAt),
                \(summary.closedAt), \(summary.lastEventId), \(summary.lastEventAt), \(summary.policyHash),
                \(summary.acknowledgedAt))
            ON CONFLICT (id) DO UPDATE SET \(unescaped: updates)
            """)
    }

    /// Rows as a JSON array of objects by column name, for `json_populate_recordset` (a page
    /// of a copy in one statement).
    static func json(_ summaries: [CaseSummary]) throws -> String {
        let rows: [[String: Any]] = summaries.map { summary in
            let values: [Any?] = [
                summary.id, summary.year, summary.number, summary.channel, summary.kinds, summary.receivedAt,
                summary.receiptDate, summary.deadline, summary.extendedDeadline, summary.dueDate, summary.dueEnd,
                summary.internalDue, summary.lifecycle, summary.active, summary.paused, summary.extension,
                summary.assignee, summary.answeredAt, summary.closedAt, summary.lastEventId, summary.lastEventAt,
                summary.policyHash, summary.acknowledgedAt,
            ]
            return Dictionary(uniqueKeysWithValues: zip(columns, values.map { $0 ?? NSNull() }))
        }
        return String(decoding: try JSONSerialization.data(withJSONObject: rows), as: UTF8.self)
    }

    /// The summaries of rows that select `selection` first.
    static func summaries(_ rows: [PostgresRow]) throws -> [CaseSummary] {
        try rows.map { CaseSummary(columns: try DecodedColumns($0)) }
    }
}

/// A row of the projection decoded by column position.
private struct DecodedColumns: ProjectionColumns {
    private var texts: [String?] = []
    private var integers: [Int64?] = []

    init(_ row: PostgresRow) throws {
        for cell in row {
            switch cell.dataType {
            case .text, .varchar:
                texts.append(try cell.decode(String?.self))
                integers.append(nil)
            case .bool:
                texts.append(nil)
                integers.append(try cell.decode(Bool?.self).map { $0 ? 1 : 0 })
            default:
                texts.append(nil)
                integers.append(try cell.decode(Int64?.self))
            }
        }
    }

    func text(_ column: Int) -> String { texts[column] ?? "" }
    func optionalText(_ column: Int) -> String? { texts[column] }
    func integer(_ column: Int) -> Int64 { integers[column] ?? 0 }
    func optionalInteger(_ column: Int) -> Int64? { integers[column] }
}
