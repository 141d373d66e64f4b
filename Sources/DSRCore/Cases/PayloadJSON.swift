/// Reads event payloads: the small, flat JSON the codec writes (string, whole number,
/// boolean, array of strings, or object of strings as values). Far cheaper than Foundation's JSONSerialization
/// when an export folds hundreds of thousands of events; anything else is refused (nil).
enum PayloadJSON {
    enum Value: Equatable {
        case string(String)
        case integer(Int)
        case bool(Bool)
        case strings([String])
        case object([String: String])
    }

    static func parse(_ text: String) -> [String: Value]? {
        var text = text
        return text.withUTF8 { bytes in
            var parser = Parser(bytes: bytes)
            guard let object = parser.object(), parser.atEnd else { return nil }
            return object
        }
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool {
            mutating get {
                skipBlanks()
                return index == bytes.count
            }
        }

        mutating func skipBlanks() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            skipBlanks()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func object() -> [String: Value]? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var result: [String: Value] = [:]
            if take(UInt8(ascii: "}")) { return result }
            repeat {
                guard let key = string(), take(UInt8(ascii: ":")), let value = value() else { return nil }
                result[key] = value
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}")) ? result : nil
        }

        mutating func value() -> Value? {
            skipBlanks()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\""): return string().map(Value.string)
            case UInt8(ascii: "-"), 48...57:
                let start = index
                index += 1
                while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
                return Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)).map(
                    Value.integer)
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "["):
                index += 1
                var items: [String] = []
                if take(UInt8(ascii: "]")) { return .strings(items) }
                repeat {
                    guard let item = string() else { return nil }
                    items.append(item)
                } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "]")) ? .strings(items) : nil
            case UInt8(ascii: "{"):
                guard let object = object() else { return nil }
                var strings: [String: String] = [:]
                for (key, value) in object {
                    guard case .string(let text) = value else { return nil }
                    strings[key] = text
                }
                return .object(strings)
            default:
                return nil
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
            index += count
            return true
        }

        /// A string with JSON escapes resolved.
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            var scalars = String.UnicodeScalarView()
            var runStart = index
            var plain = true
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let result: String
                    if plain {
                        result = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
                    } else {
                        scalars.append(
                            contentsOf: String(
                                decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self
                            ).unicodeScalars)
                        result = String(scalars)
                    }
                    index += 1
                    return result
                }
                if byte == UInt8(ascii: "\\") {
                    plain = false
                    scalars.append(
                        contentsOf: String(
                            decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self
                        ).unicodeScalars)
                    index += 1
                    guard index < bytes.count, let scalar = escape() else { return nil }
                    scalars.append(scalar)
                    runStart = index
                    continue
                }
                index += 1
            }
            return nil
        }

        /// The scalar of an escape after its backslash; advances past it.
        mutating func escape() -> Unicode.Scalar? {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "u"):
                guard let high = hex4() else { return nil }
                if (0xD800...0xDBFF).contains(high) {
                    guard literal("\\u"), let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                    return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                }
                return Unicode.Scalar(high)
            default:
                return nil
            }
        }

        mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case 48...57: digit = UInt32(byte - 48)
                case 97...102: digit = UInt32(byte - 87)
                case 65...70: digit = UInt32(byte - 55)
                default: return nil
                }
                value = value * 16 + digit
                index += 1
            }
            return value
        }
    }
}
