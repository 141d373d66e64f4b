import DSRCore
import DSRLedger
import Foundation
import Testing

/// Rows held in memory, as a backend other than SQLite would hand them to the check; each
/// cell in a buffer of its own that lives as long as the rows.
final class MemoryRows: ChainRows {
    private let rows: [[UnsafeMutableRawBufferPointer?]]
    private var index = -1

    init(_ rows: [[Data?]]) {
        self.rows = rows.map { row in
            row.map { cell in
                cell.map { data in
                    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: data.count, alignment: 1)
                    buffer.copyBytes(from: data)
                    return buffer
                }
            }
        }
    }

    deinit {
        for row in rows { for cell in row { cell?.deallocate() } }
    }

    func step() throws -> Bool {
        index += 1
        return index < rows.count
    }

    func int64(_ column: Int32) -> Int64 { Int64(String(decoding: bytes(column), as: UTF8.self))! }

    func isNull(_ column: Int32) -> Bool { rows[index][Int(column)] == nil }

    func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
        rows[index][Int(column)].map { UnsafeRawBufferPointer($0) } ?? UnsafeRawBufferPointer(start: nil, count: 0)
    }
}

@Suite("The chain's linking and verification, apart from any database")
struct ChainCheckTests {
    /// Three events linked by the real linker, as event rows and vault rows.
    static func linked() throws -> (events: [[Data?]], vault: [[Data?]]) {
        var linker = ChainLinker(after: nil, vault: .plain)
        let id = try #require(CaseID("2026-00001"))
        let at = Instant(secondsSinceEpoch: 1_790_000_000)
        let steps: [(Event, [PersonalField: String])] = [
            (
                .received(kinds: [.access], channel: .email, claimantDue: nil, policyHash: "p"),
                [.subject: "Erika Fiktiv"]
            ),
            (.acknowledged, [:]),
            (.noteAdded, [.note: "Rückruf"]),
        ]
        var events: [[Data?]] = []
        var vault: [[Data?]] = []
        for (event, personal) in steps {
            let linked = try linker.link(
                event, to: id, personal: personal, occurredAt: at, recordedAt: at, actor: "clerk")
            let record = linked.record
            func text(_ value: String) -> Data { Data(value.utf8) }
            events.append([
                text(String(record.id.rawValue)), text(id.rawValue), text(event.kind), text(linked.payload),
                text(String(at.secondsSinceEpoch)), text(String(at.secondsSinceEpoch)), text("clerk"),
                linked.prevHash, linked.hash,
            ])
            for stored in linked.vaultRecords {
                vault.append([
                    text(String(stored.eventID)), text(stored.field.rawValue), stored.key, stored.content,
                    text(linked.payload), text("0"),
                ])
            }
        }
        return (events, vault)
    }

    @Test("rows from the linker verify: every hash, every link, every vault text")
    func intact() throws {
        let (events, vault) = try Self.linked()
        let part = try ChainCheck.events(MemoryRows(events), range: 1...3, before: Data(count: 32), headID: 3)
        #expect(part.problem == nil && part.events == 3)
        let records = try ChainCheck.vault(MemoryRows(vault), vault: .plain)
        #expect(records.problem == nil && records.purged == 0)
    }

    @Test("a changed column, a missing event, a changed vault text and an erased one are told apart")
    func tampering() throws {
        let (events, vault) = try Self.linked()
        var changed = events
        changed[1][6] = Data("mallory".utf8)
        #expect(
            try ChainCheck.events(MemoryRows(changed), range: 1...3, before: Data(count: 32), headID: 3).problem?.1
                == .changed(event: 2, caseID: "2026-00001"))
        let removed = [events[0], events[2]]
        #expect(
            try ChainCheck.events(MemoryRows(removed), range: 1...3, before: Data(count: 32), headID: 3).problem?.1
                == .removed(before: 3, missingFrom: 2))
        #expect(
            try ChainCheck.events(MemoryRows(Array(events.prefix(2))), range: 1...3, before: Data(count: 32), headID: 3)
                .problem?.1 == .truncated(lastPresent: 2, head: 3))
        var altered = vault
        altered[0][3] = Data("Eva Fiktiv".utf8)
        #expect(
            try ChainCheck.vault(MemoryRows(altered), vault: .plain).problem?.1
                == .personalDataChanged(event: 1, field: "subject"))
        var erased = vault
        erased[0][2] = nil
        erased[0][3] = nil
        #expect(try ChainCheck.vault(MemoryRows(erased), vault: .plain).purged == 1)
    }
}
