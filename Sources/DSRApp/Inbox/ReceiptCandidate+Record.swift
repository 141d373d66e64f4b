import DSRCore
import DSRMail

extension ReceiptCandidate {
    /// The form the record keeps: `received-header 2026-12-01T09:12:03Z mx1.kaiserslautern.de`.
    public var recordText: String {
        [source.rawValue, ISOFormat.utc(at), host].compactMap { $0 }.joined(separator: " ")
    }

    /// Reads the record form back; nil for anything else.
    public init?(recordText: String) {
        let parts = recordText.split(separator: " ").map(String.init)
        guard parts.count == 2 || parts.count == 3, let source = ReceiptSource(rawValue: parts[0]),
            let at = UTCInstant.parse(parts[1])
        else { return nil }
        self.init(source: source, at: at, host: parts.count == 3 ? parts[2] : nil)
    }
}
