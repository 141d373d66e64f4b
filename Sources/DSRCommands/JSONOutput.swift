import DSRCore
import Foundation

/// JSON printed by commands from `Encodable` values: compact, keys sorted (so the output is
/// the same on every run), one line.
enum JSONOutput {
    static func print<Value: Encodable>(_ value: Value) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings, numbers and booleans cannot fail.
        var data = (try? encoder.encode(value)) ?? Data("null".utf8)
        data.append(UInt8(ascii: "\n"))
        FileHandle.standardOutput.write(data)
    }
}
