import DSRCore
import DSRLedger
import Foundation
import GRDB

extension CaseStore: CaseRepository {
    /// Calls `body` for each case received in `[from, to)`, oldest first, one at a time, so
    /// memory does not grow with the number of cases.
    public func forEachCase(
        receivedFrom from: Instant, to: Instant, includePersonalData: Bool,
        _ body: (ExportedCase) throws -> Void
    ) throws {
        if includePersonalData, case .locked = vault {
            throw LedgerError.vaultKeyRequired(action: "exporting personal data")
        }
        try pool.read { db in
            let cases =
                try ProjectionRow
                .filter(
                    ProjectionRow.Columns.receivedAt >= from.secondsSinceEpoch
                        && ProjectionRow.Columns.receivedAt < to.secondsSinceEpoch
                )
                .order(ProjectionRow.Columns.receivedAt, ProjectionRow.Columns.year, ProjectionRow.Columns.number)
                .fetchCursor(db)
            while let summary = try cases.next()?.summary {
                let rows = try EventRow.fetchAll(
                    db.cachedStatement(sql: "SELECT * FROM event WHERE caseId = ? ORDER BY id"), arguments: [summary.id]
                )
                let events = try rows.map { row in
                    StoredEvent(record: try row.record(), payload: row.payload, prevHash: row.prevHash, hash: row.hash)
                }
                let personal = includePersonalData ? try personalData(of: summary.id, db: db) : CasePersonalData()
                try body(ExportedCase(summary: summary, events: events, personal: personal))
            }
        }
    }

    /// The stored policies: hash, source, text.
    public func policies() throws -> [(hash: String, source: String, text: String)] {
        try pool.read { db in
            try PolicyRow.order(Column("storedAt")).fetchAll(db).map { ($0.hash, $0.source, $0.text) }
        }
    }

    /// Records, as an event of the tracker itself, that personal data left it in an export.
    public func recordExport(
        format: String, from: CivilDate, to: CivilDate, actor: String, now: Instant
    ) throws {
        try recordTrackerEvent(.exported(format: format, from: from, to: to), at: now, actor: actor, now: now)
        logger.info("recorded an export with personal data", metadata: ["format": "\(format)"])
    }
}
