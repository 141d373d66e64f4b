import DSRCore
import Foundation

/// Rows of the event log or the vault as a backend reads them, one at a time, with columns
/// as bytes that stay valid until the next step (no copy per row: verification reads
/// hundreds of thousands).
package protocol ChainRows: AnyObject {
    /// Moves to the next row; false at the end.
    func step() throws -> Bool
    func int64(_ column: Int32) -> Int64
    func isNull(_ column: Int32) -> Bool
    /// A text or blob column's bytes (empty for NULL).
    func bytes(_ column: Int32) -> UnsafeRawBufferPointer
}

/// What one verification job found: the first problem (by event id), events checked, erased
/// and unchecked vault records.
package struct VerificationPart: Sendable {
    package var problem: (Int64, VerificationReport.Problem)?
    package var events = 0
    package var purged = 0
    package var sealedUnchecked = 0

    package init() {}

    /// The findings of the event check and the vault check of one range, together.
    package init(events: VerificationPart, vault: VerificationPart) {
        problem = [events.problem, vault.problem].compactMap { $0 }.min { $0.0 < $1.0 }
        self.events = events.events
        purged = vault.purged
        sealedUnchecked = vault.sealedUnchecked
    }
}

/// The verification algorithm, whatever database holds the rows: each event's hash
/// recomputed from its columns and its link to the one before, each vault text against its
/// event's commitment. A backend cuts the chain into ranges, runs these side by side and
/// reports the problem with the lowest event id.
package enum ChainCheck {
    /// Checks events in `range` given as rows of `id, caseId, kind, payload, occurredAt,
    /// recordedAt, actor, prevHash, hash`, in id order. `before` is the hash of the event
    /// before the range (the genesis hash for the first), nil if that event is missing;
    /// `headID` is the id the chain head names.
    package static func events(
        _ rows: some ChainRows, range: ClosedRange<Int64>, before: Data?, headID: Int64
    ) throws -> VerificationPart {
        var part = VerificationPart()
        var canonical = JSONWriter(capacity: 1024)
        var previousHash = [UInt8](before ?? Data())
        var expectedID = range.lowerBound
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

    /// Checks vault records given as rows of `eventId, field, key, content, payload (of the
    /// event), sealed` against their events' commitments. Sealed records are opened with the
    /// vault key first; without it they are counted as unchecked.
    package static func vault(_ rows: some ChainRows, vault: Vault) throws -> VerificationPart {
        var part = VerificationPart()
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
