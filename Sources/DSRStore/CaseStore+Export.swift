import DSRCore
import Foundation
import GRDB

/// One case with everything an export needs: its projection, its events and, when asked
/// for, its personal data.
public struct ExportedCase: Sendable {
    public var summary: CaseSummary
    public var events: [StoredEvent]
    /// Personal data by event and field; empty unless asked for.
    public var personal: CasePersonalData
}

/// An event with the stored columns its hash is computed from.
public struct StoredEvent: Sendable {
    public var record: EventRecord
    public var payload: String
    public var prevHash: Data
    public var hash: Data

    /// Lower-case hex of `prevHash` and `hash`, as exports write them.
    public var prevHashHex: String { prevHash.hexString }
    public var hashHex: String { hash.hexString }
}

extension CaseStore {
    /// Calls `body` for each case received in `[from, to)`, oldest first, one at a time, so
    /// memory does not grow with the number of cases.
    public func forEachCase(
        receivedFrom from: Instant, to: Instant, includePersonalData: Bool,
        _ body: (ExportedCase) throws -> Void
    ) throws {
        if includePersonalData, case .locked = vault {
            throw DSRStoreError.vaultKeyRequired(action: "exporting personal data")
        }
        try pool.read { db in
            let cases =
                try CaseSummary
                .filter(
                    CaseSummary.Columns.receivedAt >= from.secondsSinceEpoch
                        && CaseSummary.Columns.receivedAt < to.secondsSinceEpoch
                )
                .order(CaseSummary.Columns.receivedAt, CaseSummary.Columns.year, CaseSummary.Columns.number)
                .fetchCursor(db)
            while let summary = try cases.next() {
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
