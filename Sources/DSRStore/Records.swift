import DSRCore
import DSRLedger
import Foundation
import GRDB

/// A row of the event log.
struct EventRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "event"
    var id: Int64
    var caseId: String
    var kind: String
    var payload: String
    var occurredAt: Int64
    var recordedAt: Int64
    var actor: String
    var prevHash: Data
    var hash: Data

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let caseId = Column(CodingKeys.caseId)
        static let kind = Column(CodingKeys.kind)
    }

    /// Reads a row by column position (`SELECT *` order of the migration); much faster than
    /// `Decodable` when exports read hundreds of thousands of events.
    init(row: Row) throws {
        id = row[0]
        caseId = row[1]
        kind = row[2]
        payload = row[3]
        occurredAt = row[4]
        recordedAt = row[5]
        actor = row[6]
        prevHash = row[7]
        hash = row[8]
    }

    /// The domain record of this row.
    func record() throws -> EventRecord {
        guard let caseID = CaseID(caseId) else { throw DSRCoreError.corruptRecord("event \(id) has a bad case id") }
        let (event, commitments) = try EventCodec.decode(kind: kind, payload: payload)
        return EventRecord(
            id: EventID(id), caseID: caseID, event: event, commitments: commitments,
            occurredAt: Instant(secondsSinceEpoch: occurredAt),
            recordedAt: Instant(secondsSinceEpoch: recordedAt), actor: actor)
    }
}

/// The last link of the hash chain.
struct ChainHeadRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "chainHead"
    var id: Int64 = 1
    var lastEventId: Int64
    var hash: Data
}

/// A policy text as stored, by its SHA-256.
struct PolicyRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "policy"
    var hash: String
    var source: String
    var text: String
    var storedAt: Int64
}

/// A key–value setting of the database (the policy `dsr init` chose).
struct SettingRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "setting"
    var key: String
    var value: String
}
