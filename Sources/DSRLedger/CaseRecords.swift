import DSRCore
import Foundation

/// What the reports read of a tracker's record, whatever database holds it. A backend
/// implements it over its own storage; the SQLite store is one (`CaseStore`).
public protocol CaseRecords: Sendable {
    /// Calls `body` for each case received in `[from, to)`, oldest first, one at a time, all
    /// from one snapshot of the record, so memory does not grow with the number of cases.
    /// With `includePersonalData`, the vault's texts come along (refused without the key).
    func forEachCase(
        receivedFrom from: Instant, to: Instant, includePersonalData: Bool, _ body: (ExportedCase) throws -> Void
    ) throws

    /// The stored policies: hash, source, text.
    func policies() throws -> [(hash: String, source: String, text: String)]

    /// The cases that still owe an answer, by internal due date.
    func activeCases() throws -> [CaseSummary]

    /// Where each of `duties` stands on each of its channels at `now`.
    func dutyStatuses(_ duties: [Duty], at now: Instant, zone: ZoneRules) throws -> [DutyStatus]
}

/// One case with everything an export needs: its projection, its events and, when asked
/// for, its personal data.
public struct ExportedCase: Sendable {
    public var summary: CaseSummary
    public var events: [StoredEvent]
    /// Personal data by event and field; empty unless asked for.
    public var personal: CasePersonalData

    package init(summary: CaseSummary, events: [StoredEvent], personal: CasePersonalData) {
        self.summary = summary
        self.events = events
        self.personal = personal
    }
}

/// An event with the stored columns its hash is computed from.
public struct StoredEvent: Sendable {
    public var record: EventRecord
    public var payload: String
    public var prevHash: Data
    public var hash: Data

    package init(record: EventRecord, payload: String, prevHash: Data, hash: Data) {
        self.record = record
        self.payload = payload
        self.prevHash = prevHash
        self.hash = hash
    }

    /// Lower-case hex of `prevHash` and `hash`, as exports write them.
    public var prevHashHex: String { prevHash.hexString }
    public var hashHex: String { hash.hexString }
}
