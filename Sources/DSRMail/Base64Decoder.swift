/// Lenient base64 (RFC 2045 §6.8): whitespace and any other byte outside the alphabet are
/// skipped, padding ends a quantum early, and decoding goes on after it (concatenated encodings).
enum Base64Decoder {
    /// The 6-bit value of each byte of the alphabet; 0xFF for every other byte.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        return table
    }()

    /// Decodes `bytes` into `sink`; false when the input ended in the middle of a quantum without
    /// padding (truncated), in which case the whole bytes of that quantum are still written.
    /// Decoded bytes reach the sink in runs of up to 48 KiB, not one at a time.
    @discardableResult
    static func decode(_ bytes: some Sequence<UInt8>, into sink: inout some ByteSink) -> Bool {
        var quantum: UInt32 = 0
        var symbols = 0
        var run: [UInt8] = []
        run.reserveCapacity(runLength + 3)
        values.withUnsafeBufferPointer { values in
            for byte in bytes {
                if byte == ASCII.equals {
                    flushPartial(quantum, symbols: symbols, into: &run)
                    quantum = 0
                    symbols = 0
                    continue
                }
                let value = values[Int(byte)]
                guard value != 0xFF else { continue }
                quantum = quantum << 6 | UInt32(value)
                symbols += 1
                guard symbols == 4 else { continue }
                run.append(UInt8(truncatingIfNeeded: quantum >> 16))
                run.append(UInt8(truncatingIfNeeded: quantum >> 8))
                run.append(UInt8(truncatingIfNeeded: quantum))
                quantum = 0
                symbols = 0
                if run.count >= runLength {
                    sink.write(contentsOf: run[...])
                    run.removeAll(keepingCapacity: true)
                }
            }
        }
        flushPartial(quantum, symbols: symbols, into: &run)
        sink.write(contentsOf: run[...])
        return symbols == 0
    }

    /// How many decoded bytes are handed to the sink at once.
    private static var runLength: Int { 48 * 1024 }

    /// Writes the whole bytes of an incomplete quantum of 2 or 3 symbols (1 symbol holds none).
    private static func flushPartial(_ quantum: UInt32, symbols: Int, into run: inout [UInt8]) {
        switch symbols {
        case 2:
            run.append(UInt8(truncatingIfNeeded: quantum >> 4))
        case 3:
            run.append(UInt8(truncatingIfNeeded: quantum >> 10))
            run.append(UInt8(truncatingIfNeeded: quantum >> 2))
        default:
            break
        }
    }
}
