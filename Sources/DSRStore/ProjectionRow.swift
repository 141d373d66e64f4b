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

    /// Inserts or replaces the row of `summary`, with a cached statement.
    static func upsert(_ summary: CaseSummary, _ db: Database) throws {
        let names = CaseSummary.columnNames
        try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO caseProjection (\(names.joined(separator: ", "))) VALUES ("
                + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
        ).execute(arguments: StatementArguments(summary.columnValues.map(\.databaseValue)))
    }
}

extension ProjectionValue {
    /// The value as SQLite stores it.
    fileprivate var databaseValue: DatabaseValue {
        switch self {
        case .text(let text): text.databaseValue
        case .optionalText(let text): text.databaseValue
        case .integer(let value): value.databaseValue
        case .optionalInteger(let value): value.databaseValue
        case .bool(let value): value.databaseValue
        }
    }
}

/// A GRDB row read by column position.
private struct GRDBProjectionColumns: ProjectionColumns {
    let row: Row

    func text(_ column: Int) -> String { row[column] }
    func optionalText(_ column: Int) -> String? { row[column] }
    func integer(_ column: Int) -> Int64 { row[column] }
    func optionalInteger(_ column: Int) -> Int64? { row[column] }
}
