import DSRLedger
import Foundation

/// Rows read from PostgreSQL, handed to the shared chain check (`ChainCheck`) one at a time,
/// with each row's bytes in one buffer that stays valid until the next step.
final class DecodedChainRows: ChainRows {
    /// One column of a row.
    enum Cell {
        case integer(Int64)
        case bytes(Data)
        case null
    }

    private let rows: [[Cell]]
    private var index = -1
    private var storage = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    private var slices: [UnsafeRawBufferPointer] = []

    init(_ rows: [[Cell]]) { self.rows = rows }

    deinit { storage.deallocate() }

    func step() throws -> Bool {
        index += 1
        guard index < rows.count else { return false }
        let row = rows[index]
        storage.deallocate()
        let total = row.reduce(0) { total, cell in
            if case .bytes(let data) = cell { return total + data.count }
            return total
        }
        storage = .allocate(byteCount: max(total, 1), alignment: 8)
        slices = []
        var offset = 0
        for cell in row {
            guard case .bytes(let data) = cell else {
                slices.append(UnsafeRawBufferPointer(start: nil, count: 0))
                continue
            }
            let slice = UnsafeMutableRawBufferPointer(rebasing: storage[offset..<offset + data.count])
            slice.copyBytes(from: data)
            slices.append(UnsafeRawBufferPointer(slice))
            offset += data.count
        }
        return true
    }

    func int64(_ column: Int32) -> Int64 {
        if case .integer(let value) = rows[index][Int(column)] { return value }
        return 0
    }

    func isNull(_ column: Int32) -> Bool {
        if case .null = rows[index][Int(column)] { return true }
        return false
    }

    func bytes(_ column: Int32) -> UnsafeRawBufferPointer { slices[Int(column)] }
}
