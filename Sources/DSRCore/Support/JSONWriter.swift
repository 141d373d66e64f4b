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
    public mutating func key(named key: String) {
        separate()
        var key = key
        key.withUTF8 { Self.appendEscaped(utf8: UnsafeRawBufferPointer($0), to: buffer) }
        buffer.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { string(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// A string value from UTF-8 bytes.
    public mutating func string(utf8 bytes: UnsafeRawBufferPointer) {
        separate()
        Self.appendEscaped(utf8: bytes, to: buffer)
        needsComma = true
    }

    /// Writes UTF-8 bytes that are already JSON (a value), as they are.
    public mutating func json(utf8 bytes: UnsafeRawBufferPointer) {
        separate()
        buffer.append(bytes)
        needsComma = true
    }

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

    /// Appends a JSON string literal from UTF-8 bytes: quotes, backslashes and control
    /// characters escaped; U+2028/U+2029 escaped too, so the output is also safe to embed in
    /// JavaScript. Runs of plain bytes are copied whole.
    public static func appendEscaped(utf8 bytes: UnsafeRawBufferPointer, to buffer: ByteBuffer) {
        buffer.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        let count = bytes.count
        func flush(upTo end: Int) {
            if end > runStart { buffer.append(UnsafeRawBufferPointer(rebasing: bytes[runStart..<end])) }
        }
        while index < count {
            let byte = bytes[index]
            var escape: StaticString? = nil
            var width = 1
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0xE2
            where index + 2 < count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            case 0x00..<0x20:
                flush(upTo: index)
                let hex = Array("0123456789abcdef".utf8)
                for character in [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]] as [UInt8] {
                    buffer.append(character)
                }
                index += 1
                runStart = index
                continue
            default:
                break
            }
            if let escape {
                flush(upTo: index)
                buffer.append(UnsafeRawBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
                index += width
                runStart = index
            } else {
                index += 1
            }
        }
        flush(upTo: count)
        buffer.append(UInt8(ascii: "\""))
    }
}
