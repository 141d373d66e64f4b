import DSRLedger
import Foundation
import NIOCore
import PostgresNIO

/// Chain rows that the server packs into a few large byte strings (`string_agg` of
/// `int8send(…) || …`), handed to the shared chain check (`ChainCheck`) one at a time.
/// Verification reads hundreds of thousands of rows: one protocol row and cell per event
/// cost postgres-nio more than the check itself, a packed chunk of thousands costs a copy.
///
/// Each row is its columns in order, each as `layout` says.
final class PackedChainRows: ChainRows {
    enum Column {
        /// 8 bytes, big-endian.
        case int8
        /// 1 byte, 0 for false.
        case bool
        /// A 4-byte big-endian length (-1 for NULL), then the bytes.
        case bytes
        /// A text's bytes, then a 0 byte: PostgreSQL's texts cannot hold one, and the server
        /// packs them with less work than a length.
        case text
        /// Nothing in the chunk: the payload of the event whose id is the row's first column,
        /// as the event check recorded it (`EventPayloads`).
        case eventPayload
    }

    /// A column whose bytes are a vault text's box, opened with the key in another column
    /// (`RecordCipher`) before the check sees it; a box that does not open is handed on as
    /// stored, so its commitment fails; without its key, it counts as NULL (erased).
    struct Opening {
        var box: Int
        var dataKey: Int
        var eventID: Int
        var field: Int
    }

    /// The columns of an event's id and payload, whose every row is recorded into `payloads`
    /// for the vault check.
    struct Recording {
        var payloads: EventPayloads
        var id: Int
        var payload: Int
    }

    private let layout: [Column]
    private let opening: Opening?
    private let payloads: EventPayloads?
    private let recording: Recording?
    // The cursor moves for every row and column, and nothing outside this class touches it:
    // the runtime's checks of exclusive access to it showed in profiles of `dsr verify`.
    @exclusivity(unchecked) private var chunks: [ByteBuffer]
    /// The current chunk's bytes, in `storage`, a buffer kept for the next chunks.
    @exclusivity(unchecked) private var chunk = UnsafeRawBufferPointer(start: nil, count: 0)
    @exclusivity(unchecked) private var storage = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    @exclusivity(unchecked) private var offset = 0
    @exclusivity(unchecked) private var opened = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    private let slices: UnsafeMutableBufferPointer<UnsafeRawBufferPointer>
    private let integers: UnsafeMutableBufferPointer<Int64>
    private let nulls: UnsafeMutableBufferPointer<Bool>

    /// Rows of a chunk's first id and its packed bytes (NULL: no rows), in any order.
    /// `payloads` serves the `eventPayload` column.
    init(
        _ rows: [PostgresRow], layout: [Column], opening: Opening? = nil, payloads: EventPayloads? = nil,
        recording: Recording? = nil
    ) throws {
        chunks = try rows.map { try $0.decode((Int64, ByteBuffer?).self) }.sorted { $0.0 > $1.0 }.compactMap(\.1)
        self.layout = layout
        self.opening = opening
        self.payloads = payloads
        self.recording = recording
        slices = .allocate(capacity: layout.count)
        slices.initialize(repeating: UnsafeRawBufferPointer(start: nil, count: 0))
        integers = .allocate(capacity: layout.count)
        integers.initialize(repeating: 0)
        nulls = .allocate(capacity: layout.count)
        nulls.initialize(repeating: false)
    }

    deinit {
        storage.deallocate()
        opened.deallocate()
        slices.deallocate()
        integers.deallocate()
        nulls.deallocate()
    }

    func step() throws -> Bool {
        while offset >= chunk.count {
            guard let next = chunks.popLast() else { return false }
            if next.readableBytes > storage.count {
                storage.deallocate()
                storage = .allocate(byteCount: next.readableBytes, alignment: 8)
            }
            next.withUnsafeReadableBytes { storage.copyMemory(from: $0) }
            chunk = UnsafeRawBufferPointer(rebasing: storage[0..<next.readableBytes])
            offset = 0
        }
        for (index, column) in layout.enumerated() {
            switch column {
            case .int8:
                integers[index] = Int64(bigEndian: try read(8).loadUnaligned(as: Int64.self))
                nulls[index] = false
            case .bool:
                integers[index] = try read(1)[0] == 0 ? 0 : 1
                nulls[index] = false
            case .bytes:
                let length = Int32(bigEndian: try read(4).loadUnaligned(as: Int32.self))
                nulls[index] = length < 0
                slices[index] = length < 0 ? UnsafeRawBufferPointer(start: nil, count: 0) : try read(Int(length))
            case .text:
                slices[index] = try readText()
                nulls[index] = false
            case .eventPayload:
                slices[index] = payloads?.payload(of: integers[0]) ?? UnsafeRawBufferPointer(start: nil, count: 0)
                nulls[index] = false
            }
        }
        if let opening { try open(opening) }
        if let recording { recording.payloads.record(id: integers[recording.id], payload: slices[recording.payload]) }
        return true
    }

    /// The bytes up to the next 0 byte, which is passed.
    private func readText() throws -> UnsafeRawBufferPointer {
        let rest = UnsafeRawBufferPointer(rebasing: chunk[offset...])
        guard let start = rest.baseAddress, let end = memchr(start, 0, rest.count) else { throw Self.cutShort }
        let length = UnsafeRawPointer(end) - start
        defer { offset += length + 1 }
        return UnsafeRawBufferPointer(start: start, count: length)
    }

    private static let cutShort = PostgresFailure(
        kind: .refused, sqlState: nil, message: "a packed chain row is cut short")

    /// The next `count` bytes of the chunk.
    private func read(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count >= 0, offset + count <= chunk.count else { throw Self.cutShort }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: chunk[offset..<offset + count])
    }

    /// Replaces the box of `opening` by the text it holds (see `Opening`).
    private func open(_ opening: Opening) throws {
        guard !nulls[opening.box] else { return }
        guard !nulls[opening.dataKey] else {
            nulls[opening.box] = true
            slices[opening.box] = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let field = String(decoding: slices[opening.field], as: UTF8.self)
        guard
            let text = RecordCipher.decrypt(
                slices[opening.box], dataKey: slices[opening.dataKey], eventID: integers[opening.eventID],
                field: field)
        else { return }
        if text.count > opened.count {
            opened.deallocate()
            opened = .allocate(byteCount: max(text.count, 256), alignment: 8)
        }
        text.withUnsafeBytes { opened.copyMemory(from: $0) }
        slices[opening.box] = UnsafeRawBufferPointer(rebasing: opened[0..<text.count])
    }

    func int64(_ column: Int32) -> Int64 { integers[Int(column)] }

    func isNull(_ column: Int32) -> Bool { nulls[Int(column)] }

    func bytes(_ column: Int32) -> UnsafeRawBufferPointer { slices[Int(column)] }
}

extension PackedChainRows {
    /// The SQL that packs `expression` (one row's bytes) of the rows of `source` whose `key`
    /// lies in `range`, in chunks of `chunkSize` consecutive ids ordered by `key`: one result
    /// row per chunk, its first id and its bytes.
    /// - Each chunk is its own index range scan, so neither a sort of the whole range nor a join
    ///   over whole tables is needed. A table that `source` joins needs a bound of its own on
    ///   its key (`chunkBounds`): the planner does not carry a range from one side of a join to
    ///   the other.
    /// - The rows come from a subquery ordered by `key`, which the index scan satisfies, rather
    ///   than from `string_agg(… ORDER BY key)`, which sorts its input again on PostgreSQL 15
    ///   (a quarter of the server's time; from 16 on, the planner sees the order). The manual
    ///   ("Aggregate Functions") names the sorted subquery as the other way to order an
    ///   aggregate's input, as long as the outer query does nothing that could reorder it (it
    ///   only aggregates). Rows out of order could only raise a false alarm, never hide a change.
    /// - The chunks come unordered (`init` orders them): sorting megabytes of them on the
    ///   server spills to temporary files.
    static func chunks(of expression: String, from source: String, key: String, range: ClosedRange<Int64>) -> String {
        """
        SELECT chunk_start, chunk.packed FROM generate_series(\(range.lowerBound)::int8, \(range.upperBound)::int8, \(chunkSize)) AS chunk_start,
        LATERAL (SELECT string_agg(packed_row, ''::bytea) AS packed FROM (SELECT \(expression) AS packed_row FROM \(source)
        WHERE \(key) BETWEEN \(chunkBounds(range: range)) ORDER BY \(key)) AS chunk_rows) AS chunk
        """
    }

    /// `chunk_start AND` the last id of the chunk, for a `BETWEEN` in `chunks`' SQL.
    static func chunkBounds(range: ClosedRange<Int64>) -> String {
        "chunk_start AND LEAST(chunk_start + \(chunkSize - 1), \(range.upperBound))"
    }

    /// How many consecutive ids a chunk covers.
    static let chunkSize = 4_000
}
