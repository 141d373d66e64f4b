import DSRCore
import Foundation

/// One message of an mbox file: its bytes (with `>From ` unquoted) and the date of its `From ` line.
public struct MboxEntry: Sendable, Equatable {
    public var bytes: [UInt8]
    /// The asctime date at the end of the `From ` line, read as UTC; nil if it has none readable.
    public var fromLineDate: Instant?

    /// An entry of the given bytes and `From ` line date.
    public init(bytes: [UInt8], fromLineDate: Instant?) {
        self.bytes = bytes
        self.fromLineDate = fromLineDate
    }
}

/// How an mbox quotes body lines that begin with `From `.
public enum MboxVariant: String, Sendable, CaseIterable {
    /// Only `From ` lines were quoted: a line `>From ` (exactly one `>`) loses its `>`.
    case mboxo
    /// Every `>…>From ` line got one more `>`: a line `>+From ` loses one `>`.
    case mboxrd
}

/// Reading mbox files: messages one after the other, each after a `From ` line.
public enum Mbox {
    /// Whether the bytes look like an mbox (start with "From " line).
    public static func looksLikeMbox(_ bytes: some Collection<UInt8>) -> Bool { bytes.starts(with: "From ".utf8) }

    /// The messages of an mbox, `>From ` unquoted as the variant says; lazily (a Sequence) so
    /// 10,000 messages don't all sit in memory as copies. Input is the file's Data/[UInt8] (may be
    /// memory-mapped Data).
    ///
    /// A message starts at a line beginning with `From ` at the start of the file or after an
    /// empty line (a `From ` line elsewhere is body text); the empty line before the next `From `
    /// line (or at the end of the file) is not part of the message. Anything before the first
    /// `From ` line is skipped. CRLF files are read as they are.
    public static func entries(in data: Data, variant: MboxVariant = .mboxrd) -> MboxEntries {
        MboxEntries(data: data, variant: variant)
    }
}

/// The messages of an mbox file, read one at a time from the file's bytes.
public struct MboxEntries: Sequence, Sendable {
    private let data: Data
    private let variant: MboxVariant

    /// The messages of `data`, unquoted as `variant` says.
    init(data: Data, variant: MboxVariant) {
        self.data = data
        self.variant = variant
    }

    /// An iterator from the first message.
    public func makeIterator() -> Iterator { Iterator(data: data, variant: variant) }

    /// Reads the next message on demand; only that message's bytes are copied.
    public struct Iterator: IteratorProtocol {
        private let data: Data
        private let variant: MboxVariant
        /// Where the next `From ` line starts; nil before the first is found.
        private var nextFromLine: Int?
        private var finished = false

        /// An iterator at the start of `data`.
        init(data: Data, variant: MboxVariant) {
            self.data = data
            self.variant = variant
        }

        /// The next message, or nil after the last.
        public mutating func next() -> MboxEntry? {
            guard !finished else { return nil }
            let (entry, following) = data.withUnsafeBytes { raw in
                Self.entry(in: raw, from: nextFromLine, variant: variant)
            }
            nextFromLine = following
            finished = following == nil
            return entry
        }

        /// The message whose `From ` line starts at `start` (nil: the first in the buffer), and
        /// where the next one's `From ` line starts (nil: none follows).
        private static func entry(
            in bytes: UnsafeRawBufferPointer, from start: Int?, variant: MboxVariant
        ) -> (MboxEntry?, Int?) {
            var lines = ByteLines(bytes, from: start ?? firstFromLine(bytes))
            guard let fromLine = lines.next(), isFromLine(bytes, fromLine, afterEmpty: true)
            else { return (nil, nil) }
            var end = bytes.endIndex
            var following: Int?
            var previousEmpty = false
            var previousStart = fromLine.end
            for line in ByteLines(bytes, from: fromLine.end) {
                if isFromLine(bytes, line, afterEmpty: previousEmpty) {
                    end = previousStart
                    following = line.start
                    break
                }
                previousEmpty = line.isEmpty
                previousStart = line.start
            }
            if following == nil, previousEmpty { end = previousStart }
            let message = unquoted(bytes, fromLine.end..<end, variant: variant)
            let date = MailDate.parseAsctime(dateText(bytes, fromLine))
            return (MboxEntry(bytes: message, fromLineDate: date), following)
        }

        /// The start of the first `From ` line at the start of the buffer or after an empty line
        /// (the end of the buffer if there is none).
        private static func firstFromLine(_ bytes: UnsafeRawBufferPointer) -> Int {
            var previousEmpty = true
            for line in ByteLines(bytes) {
                if isFromLine(bytes, line, afterEmpty: previousEmpty) { return line.start }
                previousEmpty = line.isEmpty
            }
            return bytes.endIndex
        }

        /// Whether a line starts a message: it begins with `From ` and follows an empty line.
        private static func isFromLine(_ bytes: UnsafeRawBufferPointer, _ line: ByteLine, afterEmpty: Bool) -> Bool {
            afterEmpty && ASCII.hasPrefix(bytes[..<line.contentEnd], fromPrefix, at: line.start)
        }

        /// The date part of a `From ` line: what follows the sender.
        private static func dateText(_ bytes: UnsafeRawBufferPointer, _ line: ByteLine) -> Slice<UnsafeRawBufferPointer>
        {
            var index = line.start + fromPrefix.count
            while index < line.contentEnd, ASCII.isBlank(bytes[index]) { index += 1 }
            while index < line.contentEnd, !ASCII.isBlank(bytes[index]) { index += 1 }
            return bytes[index..<line.contentEnd]
        }

        /// A copy of the message's lines with one `>` removed where the variant quoted `From `.
        private static func unquoted(
            _ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, variant: MboxVariant
        ) -> [UInt8] {
            var result: [UInt8] = []
            result.reserveCapacity(range.count)
            let region = bytes[range]
            for line in ByteLines(region) {
                var quotes = line.start
                while quotes < line.contentEnd, region[quotes] == ASCII.greaterThan { quotes += 1 }
                let count = quotes - line.start
                let quoted =
                    count >= 1 && (variant == .mboxrd || count == 1)
                    && ASCII.hasPrefix(region[..<line.contentEnd], fromPrefix, at: quotes)
                result.append(contentsOf: region[(quoted ? line.start + 1 : line.start)..<line.end])
            }
            return result
        }

        private static let fromPrefix = ASCII.bytes("From ")
    }
}
