import DSRLedger
import Foundation
import NIOCore
import PostgresNIO

/// Chain rows that the server packs into a few large byte strings (`string_agg` of
/// `int8send(…) || …`), handed to the shared chain check (`ChainCheck`) one at a time.
/// Verification reads hundreds of thousands of rows: one protocol row and cell per event
/// cost postgres-nio more than the check itself, a packed chunk of thousands costs a copy.
///
/// Each row is its columns in order, each as `layout` says: an `int8` (8 bytes, big-endian),
/// a `bool` (1 byte), or `bytes` (a 4-byte big-endian length, -1 for NULL, then the bytes).
final class PackedChainRows: ChainRows {
    enum Column {
        case int8, bool, bytes
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

    private let layout: [Column]
    private let opening: Opening?
    // The cursor moves for every row and column, and nothing outside this class touches it:
    // the runtime's checks of exclusive access to it showed in profiles of `dsr verify`.
    @exclusivity(unchecked) private var chunks: [ByteBuffer]
    @exclusivity(unchecked) private var chunk = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    @exclusivity(unchecked) private var offset = 0
    @exclusivity(unchecked) private var opened = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    private let slices: UnsafeMutableBufferPointer<UnsafeRawBufferPointer>
    private let integers: UnsafeMutableBufferPointer<Int64>
    private let nulls: UnsafeMutableBufferPointer<Bool>

    /// Rows whose single column is a packed chunk each, in order.
    init(_ rows: [PostgresRow], layout: [Column], opening: Opening? = nil) throws {
        chunks = try rows.reversed().compactMap { try $0.decode(ByteBuffer?.self) }
        self.layout = layout
        self.opening = opening
        slices = .allocate(capacity: layout.count)
        slices.initialize(repeating: UnsafeRawBufferPointer(start: nil, count: 0))
        integers = .allocate(capacity: layout.count)
        integers.initialize(repeating: 0)
        nulls = .allocate(capacity: layout.count)
        nulls.initialize(repeating: false)
    }

    deinit {
        chunk.deallocate()
        opened.deallocate()
        slices.deallocate()
        integers.deallocate()
        nulls.deallocate()
    }

    func step() throws -> Bool {
        while offset >= chunk.count {
            guard let next = chunks.popLast() else { return false }
            chunk.deallocate()
            chunk = .allocate(byteCount: next.readableBytes, alignment: 8)
            next.withUnsafeReadableBytes { chunk.copyMemory(from: $0) }
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
            }
        }
        if let opening { try open(opening) }
        return true
    }

    /// The next `count` bytes of the chunk.
    private func read(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count >= 0, offset + count <= chunk.count else {
            throw PostgresFailure(kind: .refused, sqlState: nil, message: "a packed chain row is cut short")
        }
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
                Data(slices[opening.box]), dataKey: Data(slices[opening.dataKey]), eventID: integers[opening.eventID],
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
    /// The SQL that packs `expression` (one row's bytes) of the rows of `source` whose `keys`
    /// lie in `range`, in chunks of `size` consecutive ids ordered by the first key: one result
    /// row per chunk, in order. Each chunk is its own index range scan, so neither a sort of the
    /// whole range nor a join over whole tables is needed; every key is bounded, because the
    /// planner does not carry a range from one side of a join to the other.
    static func chunks(
        of expression: String, from source: String, keys: [String], range: ClosedRange<Int64>, size: Int = 4_000
    ) -> String {
        let bounds = keys.map { "\($0) BETWEEN chunk_start AND LEAST(chunk_start + \(size - 1), \(range.upperBound))" }
        return """
            SELECT chunk.packed FROM generate_series(\(range.lowerBound)::int8, \(range.upperBound)::int8, \(size)) AS chunk_start,
            LATERAL (SELECT string_agg(\(expression), ''::bytea ORDER BY \(keys[0])) AS packed FROM \(source)
            WHERE \(bounds.joined(separator: " AND "))) AS chunk ORDER BY chunk_start
            """
    }
}
