import DSRCore
import Foundation
import GRDB
import GRDBSQLite

/// The result of walking the hash chain.
public struct VerificationReport: Sendable, Equatable {
    /// The first thing found wrong.
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// The event's stored content no longer matches its hash.
        case changed(event: Int64, caseID: String)
        /// Events are missing before this one.
        case removed(before: Int64, missingFrom: Int64)
        /// The event is not part of the chain: inserted, or put in another's place.
        case inserted(event: Int64)
        /// Events after the last one present were removed (the chain head names a later one).
        case truncated(lastPresent: Int64, head: Int64)
        /// Personal data no longer matches the commitment its event holds.
        case personalDataChanged(event: Int64, field: String)
        /// The last event's hash differs from the recorded chain head.
        case headMismatch(event: Int64)

        public var description: String {
            switch self {
            case .changed(let event, let caseID):
                "event \(event) (case \(caseID)) was changed: its content no longer matches its hash"
            case .removed(let before, let from):
                "event(s) \(from)–\(before - 1) were removed: event \(before) follows event \(from - 1)"
            case .inserted(let event): "event \(event) was inserted: it is not part of the chain"
            case .truncated(let last, let head): "events after \(last) were removed: the chain head names event \(head)"
            case .personalDataChanged(let event, let field):
                "the \(field) of event \(event) was changed in the vault: it no longer matches its commitment"
            case .headMismatch(let event):
                "event \(event) does not match the recorded chain head: the event or the head was altered"
            }
        }
    }

    /// Events checked.
    public var events: Int
    /// The hash of the last event (hex), or of nothing.
    public var head: String
    /// Vault records whose personal data was erased, purged or rectified (their commitments
    /// remain).
    public var purgedRecords: Int
    /// Sealed vault records not checked because the process has no vault key.
    public var sealedUnchecked: Int = 0
    public var problem: Problem?

    public var isIntact: Bool { problem == nil }
}

extension CaseStore {
    /// Walks the whole chain: every event's hash is recomputed from its stored columns and its
    /// link to the event before is checked; every vault record still holding personal data is
    /// checked against its event's commitment.
    ///
    /// Both checks are local to a row and its predecessor, so the chain is cut into ranges
    /// verified side by side on read-only connections of their own; the problem with the
    /// lowest event id is reported. Events appended while it runs
    /// lie beyond the head read at the start and are left for the next run.
    public func verify(parallelism: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> VerificationReport {
        // Connections of its own throughout, so it can run beside a long read on the pool.
        let headReader = try Self.readOnlyQueue(path: path)
        let (head, firstBeyondHead) = try headReader.read { db in
            (
                try ChainHeadRow.fetchOne(db),
                try Int64.fetchOne(
                    db, sql: "SELECT MIN(id) FROM event WHERE id > ?",
                    arguments: [(try ChainHeadRow.fetchOne(db))?.lastEventId ?? 0])
            )
        }
        let headID = head?.lastEventId ?? 0
        let rangeCount = Int64(max(1, min(parallelism * 2, 16)))
        let size = max(1, (headID + rangeCount - 1) / rangeCount)
        let ranges =
            headID == 0
            ? [] : stride(from: Int64(1), through: headID, by: Int(size)).map { $0...min($0 + size - 1, headID) }
        var results = [VerificationPart?](repeating: nil, count: ranges.count)
        var failures = [Error?](repeating: nil, count: ranges.count)
        let path = self.path
        let vault = self.vault
        results.withUnsafeMutableBufferPointer { resultSlots in
            failures.withUnsafeMutableBufferPointer { failureSlots in
                nonisolated(unsafe) let results = resultSlots
                nonisolated(unsafe) let failures = failureSlots
                DispatchQueue.concurrentPerform(iterations: ranges.count) { job in
                    do {
                        let reader = try Self.readOnlyQueue(path: path)
                        results[job] = try reader.read { db in
                            let events = try Self.verifyEvents(ranges[job], headID: headID, db: db)
                            let records = try Self.verifyVault(ranges[job], vault: vault, db: db)
                            return VerificationPart(
                                problem: [events.problem, records.problem].compactMap { $0 }.min { $0.0 < $1.0 },
                                events: events.events, purged: records.purged, sealedUnchecked: records.sealedUnchecked)
                        }
                    } catch {
                        failures[job] = error
                    }
                }
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        let parts = results.compactMap { $0 }
        var problems = parts.compactMap(\.problem)
        if let beyond = firstBeyondHead { problems.append((beyond, .inserted(event: beyond))) }
        let events = parts.reduce(0) { $0 + $1.events }
        let purged = parts.reduce(0) { $0 + $1.purged }
        let sealedUnchecked = parts.reduce(0) { $0 + $1.sealedUnchecked }
        let headHash = head?.hash.hexString ?? Chain.genesis.hexString
        if let first = problems.min(by: { $0.0 < $1.0 }) {
            return VerificationReport(
                events: events, head: headHash, purgedRecords: purged, sealedUnchecked: sealedUnchecked,
                problem: first.1)
        }
        let lastHash = try headReader.read { db in
            try Data.fetchOne(db, sql: "SELECT hash FROM event WHERE id = ?", arguments: [headID])
        }
        if headID > 0, lastHash != head?.hash {
            return VerificationReport(
                events: events, head: headHash, purgedRecords: purged, sealedUnchecked: sealedUnchecked,
                problem: .headMismatch(event: headID))
        }
        logger.info(
            "chain verified",
            metadata: ["events": "\(events)", "erased": "\(purged)", "sealedUnchecked": "\(sealedUnchecked)"])
        return VerificationReport(
            events: events, head: headHash, purgedRecords: purged, sealedUnchecked: sealedUnchecked, problem: nil)
    }

    /// What one verifier job found: the first problem (by event id), events checked, purged records.
    struct VerificationPart {
        var problem: (Int64, VerificationReport.Problem)?
        var events = 0
        var purged = 0
        var sealedUnchecked = 0
    }

    /// A read-only connection of its own, for one verifier job.
    static func readOnlyQueue(path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Verifies the events with ids in `range`: hashes, links, and that none is missing.
    static func verifyEvents(_ range: ClosedRange<Int64>, headID: Int64, db: Database) throws -> VerificationPart {
        var part = VerificationPart()
        var canonical = JSONWriter(capacity: 1024)
        // The hash the next event must link to; nil when the event before the range is missing.
        let before =
            range.lowerBound == 1
            ? Chain.genesis
            : try Data.fetchOne(db, sql: "SELECT hash FROM event WHERE id = ?", arguments: [range.lowerBound - 1])
        var previousHash = [UInt8](before ?? Data())
        var expectedID = range.lowerBound
        let statement = try db.makeStatement(
            sql: """
                SELECT id, caseId, kind, payload, occurredAt, recordedAt, actor, prevHash, hash
                FROM event WHERE id BETWEEN ? AND ? ORDER BY id
                """)
        statement.arguments = [range.lowerBound, range.upperBound]
        let rows = SQLiteRows(statement)
        while try rows.step() {
            let id = rows.int64(0)
            canonical.reset()
            EventCodec.canonical(
                id: id, caseID: rows.bytes(1), kind: rows.bytes(2), occurredAt: rows.int64(4),
                recordedAt: rows.int64(5), actor: rows.bytes(6), payload: rows.bytes(3), into: &canonical)
            let prevHash = rows.bytes(7)
            let storedHash = rows.bytes(8)
            let matches = Chain.hash(previous: prevHash, canonical: canonical.buffer).withUnsafeBytes {
                $0.equals(storedHash)
            }
            if !matches {
                part.problem = (id, .changed(event: id, caseID: String(decoding: rows.bytes(1), as: UTF8.self)))
            } else if id > expectedID {
                part.problem = (expectedID, .removed(before: id, missingFrom: expectedID))
            } else if !previousHash.withUnsafeBytes({ $0.equals(prevHash) }) {
                part.problem = (id, .inserted(event: id))
            }
            if part.problem != nil { return part }
            previousHash.withUnsafeMutableBytes { $0.copyMemory(from: storedHash) }
            expectedID = id + 1
            part.events += 1
        }
        if expectedID <= range.upperBound {  // the range ends early: its last events were removed
            part.problem = (
                expectedID,
                range.upperBound == headID
                    ? .truncated(lastPresent: expectedID - 1, head: headID)
                    : .removed(before: range.upperBound + 1, missingFrom: expectedID)
            )
        }
        return part
    }

    /// Checks each vault record of the events in `range` against its event's commitment.
    /// Sealed records are opened with the vault key first; without it they are counted as
    /// unchecked.
    static func verifyVault(_ range: ClosedRange<Int64>, vault: Vault, db: Database) throws -> VerificationPart {
        var part = VerificationPart()
        let statement = try db.makeStatement(
            sql: """
                SELECT vault.eventId, vault.field, vault.key, vault.content, event.payload, vault.sealed
                FROM vault JOIN event ON event.id = vault.eventId WHERE vault.eventId BETWEEN ? AND ?
                ORDER BY vault.eventId
                """)
        statement.arguments = [range.lowerBound, range.upperBound]
        let rows = SQLiteRows(statement)
        while try rows.step() {
            let eventID = rows.int64(0)
            let field = String(decoding: rows.bytes(1), as: UTF8.self)
            guard !rows.isNull(2), !rows.isNull(3) else {
                part.purged += 1
                continue
            }
            let computed: String
            if rows.int64(5) != 0 {  // sealed: the commitment is to the plain text
                let plain: Data?
                do {
                    plain = try vault.plainBytes(
                        content: Data(rows.bytes(3)), sealed: true, eventID: eventID, field: field)
                } catch {
                    part.problem = (eventID, .personalDataChanged(event: eventID, field: field))
                    return part
                }
                guard let plain else {
                    part.sealedUnchecked += 1
                    continue
                }
                computed = plain.withUnsafeBytes { Chain.commitment(to: $0, key: rows.bytes(2)) }
            } else {
                computed = Chain.commitment(to: rows.bytes(3), key: rows.bytes(2))
            }
            guard let fieldKey = PersonalField(rawValue: field),
                let commitment = EventCodec.commitment(to: fieldKey, inPayload: rows.bytes(4)),
                computed == commitment
            else {
                part.problem = (eventID, .personalDataChanged(event: eventID, field: field))
                return part
            }
        }
        return part
    }
}

/// Steps through a GRDB statement with SQLite's C API, handing out columns as bytes that stay
/// valid until the next step.
final class SQLiteRows {
    private let statement: Statement

    init(_ statement: Statement) {
        self.statement = statement
    }

    /// Moves to the next row; false at the end.
    func step() throws -> Bool {
        switch sqlite3_step(statement.sqliteStatement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw DSRStoreError.database(String(cString: sqlite3_errstr(code)))
        }
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement.sqliteStatement, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement.sqliteStatement, column) == SQLITE_NULL }

    /// A text or blob column's bytes (empty for NULL).
    func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
        let handle = statement.sqliteStatement
        let pointer = sqlite3_column_blob(handle, column)
        return UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column)))
    }

    deinit { sqlite3_reset(statement.sqliteStatement) }
}
