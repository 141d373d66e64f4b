/// One line of a byte buffer, by absolute indices: its content (line end excluded) and where the
/// next line starts.
struct ByteLine {
    /// The first byte of the line.
    var start: Int
    /// The end of the content: before the LF, and before a CR in front of it.
    var contentEnd: Int
    /// After the LF, or the end of the buffer for a last line without one.
    var end: Int

    /// Whether the line has no content (a blank line).
    var isEmpty: Bool { start == contentEnd }

    /// The content's indices.
    var content: Range<Int> { start..<contentEnd }
}

/// The lines of a byte buffer, each ending at an LF (CRLF and bare LF alike); the last may have no
/// line end. Linear: each byte is looked at once.
struct ByteLines<Bytes: RandomAccessCollection<UInt8>>: Sequence, IteratorProtocol where Bytes.Index == Int {
    private let bytes: Bytes
    private var position: Int

    /// The lines of `bytes` from `start` (default: its first byte).
    init(_ bytes: Bytes, from start: Int? = nil) {
        self.bytes = bytes
        position = start ?? bytes.startIndex
    }

    /// The next line, or nil at the end.
    mutating func next() -> ByteLine? {
        guard position < bytes.endIndex else { return nil }
        let start = position
        var index = start
        while index < bytes.endIndex, bytes[index] != ASCII.lineFeed { index += 1 }
        let end = index < bytes.endIndex ? index + 1 : index
        var contentEnd = index
        if contentEnd > start, bytes[contentEnd - 1] == ASCII.carriageReturn { contentEnd -= 1 }
        position = end
        return ByteLine(start: start, contentEnd: contentEnd, end: end)
    }
}
