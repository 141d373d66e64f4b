import Foundation

/// Writes JSON into a byte buffer, object by object, keys in the order given — fast enough
/// for a million lines and exact about escaping.
public struct JSONWriter {
    public let buffer: ByteBuffer
    private var needsComma = false

    public init(capacity: Int = 256) {
        buffer = ByteBuffer(capacity: capacity)
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes `"key":`; the value follows.
    public mutating func key(_ key: StaticString) {
        separate()
        let length = key.utf8CodeUnitCount
        let pointer = buffer.reserve(length + 3)
        pointer[0] = UInt8(ascii: "\"")
        (pointer + 1).update(from: key.utf8Start, count: length)
        pointer[length + 1] = UInt8(ascii: "\"")
        pointer[length + 2] = UInt8(ascii: ":")
        buffer.commit(length + 3)
        needsComma = false
    }

    /// Writes `"key":` for a key known only at run time.
    public mutating func key(_ key: String) {
        separate()
        Self.appendEscaped(key, to: buffer)
        buffer.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func string(_ value: String) {
        separate()
        Self.appendEscaped(value, to: buffer)
        needsComma = true
    }

    /// Writes text that is already JSON (a value), as it is.
    public mutating func json(_ text: String) { raw(text) }

    public mutating func integer(_ value: Int) { raw(String(value)) }
    public mutating func number(_ value: Double) { raw(String(value)) }
    public mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }
    public mutating func null() { raw("null") }

    /// `"YYYY-MM-DD"`.
    public mutating func date(_ date: CivilDate) {
        quoted(ISOFormat.dateLength) { ISOFormat.writeDate(date, to: $0) }
    }

    /// `"2026-01-31T09:00:00Z"`.
    public mutating func utc(_ instant: Instant) {
        quoted(ISOFormat.utcLength) { ISOFormat.writeUTC(instant, to: $0) }
    }

    /// `"2026-03-02T23:59:59+01:00"`.
    public mutating func zoned(_ instant: Instant, _ zone: ZoneRules) {
        quoted(ISOFormat.zonedLength) { ISOFormat.writeZoned(instant, zone: zone, to: $0) }
    }

    /// Ends a line (for JSON Lines output).
    public mutating func newline() {
        buffer.append(UInt8(ascii: "\n"))
        needsComma = false
    }

    /// Empties the buffer, keeping its memory.
    public mutating func reset() {
        buffer.removeAll()
        needsComma = false
    }

    /// The bytes written so far.
    public var data: Data { buffer.withUnsafeBytes { Data($0) } }

    /// The text written so far.
    public var text: String { buffer.withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }

    private mutating func open(_ bracket: UInt8) {
        separate()
        buffer.append(bracket)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        buffer.append(bracket)
        needsComma = true
    }

    private mutating func raw(_ text: String) {
        separate()
        var text = text
        text.withUTF8 { buffer.append(UnsafeRawBufferPointer($0)) }
        needsComma = true
    }

    /// Writes `length` bytes between quotes with `write`.
    @inline(__always)
    private mutating func quoted(_ length: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Void) {
        separate()
        let pointer = buffer.reserve(length + 2)
        pointer[0] = UInt8(ascii: "\"")
        write(pointer + 1)
        pointer[length + 1] = UInt8(ascii: "\"")
        buffer.commit(length + 2)
        needsComma = true
    }

    @inline(__always)
    private mutating func separate() {
        if needsComma { buffer.append(UInt8(ascii: ",")) }
    }

    /// Appends a JSON string literal: quotes, backslashes and control characters escaped;
    /// U+2028/U+2029 escaped too, so the output is also safe to embed in JavaScript.
    public static func appendEscaped(_ value: String, to buffer: ByteBuffer) {
        buffer.append(UInt8(ascii: "\""))
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": buffer.append(0x5C); buffer.append(0x22)
            case "\\": buffer.append(0x5C); buffer.append(0x5C)
            case "\n": buffer.append(0x5C); buffer.append(UInt8(ascii: "n"))
            case "\r": buffer.append(0x5C); buffer.append(UInt8(ascii: "r"))
            case "\t": buffer.append(0x5C); buffer.append(UInt8(ascii: "t"))
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                for byte in ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8 {
                    buffer.append(byte)
                }
            default:
                UTF8.encode(scalar) { buffer.append($0) }
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }
}
