import DSRCore
import DSRLedger
import Foundation
import GRDB

/// The case projection's table (`caseProjection`) as GRDB reads it: one `CaseSummary` a row.
struct ProjectionRow: FetchableRecord, TableRecord {
    static let databaseTableName = "caseProjection"

    let summary: CaseSummary

    enum Columns {
        static let id = Column("id")
        static let year = Column("year")
        static let number = Column("number")
        static let active = Column("active")
        static let internalDue = Column("internalDue")
        static let receivedAt = Column("receivedAt")
        static let channel = Column("channel")
        static let kinds = Column("kinds")
        static let assignee = Column("assignee")
        static let lifecycle = Column("lifecycle")
    }

    /// Reads a row by column position (much faster than `Decodable` for the overdue view's
    /// thousands of rows).
    init(row: Row) throws {
        summary = CaseSummary(columns: GRDBProjectionColumns(row: row))
    }

    /// Selects the columns in the order `CaseSummary(columns:)` reads them.
    static var databaseSelection: [any SQLSelectable] { CaseSummary.columnNames.map { Column($0) } }

    /// The statement that writes a row, built once: imports write tens of thousands.
    private static let upsertSQL =
        "INSERT OR REPLACE INTO caseProjection (\(CaseSummary.columnNames.joined(separator: ", "))) VALUES ("
        + Array(repeating: "?", count: CaseSummary.columnNames.count).joined(separator: ", ") + ")"

    /// Inserts or replaces the row of `summary`, with a cached statement and its values in
    /// the order of `CaseSummary.columnNames` (written out: imports write tens of thousands).
    static func upsert(_ summary: CaseSummary, _ db: Database) throws {
        try db.cachedStatement(sql: upsertSQL).execute(arguments: [
            summary.id, summary.year, summary.number, summary.channel, summary.kinds, summary.receivedAt,
            summary.receiptDate, summary.deadline, summary.extendedDeadline, summary.dueDate, summary.dueEnd,
            summary.internalDue, summary.lifecycle, summary.active, summary.paused, summary.extension,
            summary.assignee, summary.answeredAt, summary.closedAt, summary.lastEventId, summary.lastEventAt,
            summary.policyHash, summary.acknowledgedAt,
        ])
    }
}

extension QueryInterfaceRequest<ProjectionRow> {
    /// The summaries the request selects, read straight from SQLite's columns: the overdue
    /// view and the lists read thousands of rows, and GRDB's `Row` decoding costs several
    /// times as much.
    func summaries(_ db: Database) throws -> [CaseSummary] {
        let rows = SQLiteRows(try makePreparedRequest(db, forSingleResult: false).statement)
        let columns = RawProjectionColumns(rows: rows)
        var summaries: [CaseSummary] = []
        while try rows.step() { summaries.append(CaseSummary(columns: columns)) }
        return summaries
    }
}

/// The current row of a raw SQLite statement, read by column position.
private struct RawProjectionColumns: ProjectionColumns {
    let rows: SQLiteRows

    func text(_ column: Int) -> String { String(decoding: rows.bytes(Int32(column)), as: UTF8.self) }
    func optionalText(_ column: Int) -> String? { rows.isNull(Int32(column)) ? nil : text(column) }
    func integer(_ column: Int) -> Int64 { rows.int64(Int32(column)) }
    func optionalInteger(_ column: Int) -> Int64? { rows.isNull(Int32(column)) ? nil : integer(column) }
}

/// A GRDB row read by column position.
private struct GRDBProjectionColumns: ProjectionColumns {
    let row: Row

    func text(_ column: Int) -> String { row[column] }
    func optionalText(_ column: Int) -> String? { row[column] }
    func integer(_ column: Int) -> Int64 { row[column] }
    func optionalInteger(_ column: Int) -> Int64? { row[column] }
}
