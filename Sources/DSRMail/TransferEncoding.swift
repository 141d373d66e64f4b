/// A part's `Content-Transfer-Encoding` (RFC 2045 §6): what must be undone to get its content.
enum TransferEncoding: Equatable {
    /// `7bit`, `8bit`, `binary`, and any unknown label: the bytes are the content.
    case identity
    case quotedPrintable
    case base64

    /// The encoding a header value names (case and blanks ignored).
    init(label: String?) {
        switch label?.trimmingASCIIBlanks().lowercased() {
        case "quoted-printable": self = .quotedPrintable
        case "base64": self = .base64
        default: self = .identity
        }
    }

    /// Decodes a body into `sink`; false when base64 ended in the middle of a quantum.
    func decode(_ body: ArraySlice<UInt8>, into sink: inout some ByteSink) -> Bool {
        switch self {
        case .identity:
            sink.write(contentsOf: body)
            return true
        case .quotedPrintable:
            QuotedPrintableDecoder.decode(body, into: &sink)
            return true
        case .base64:
            return Base64Decoder.decode(body, into: &sink)
        }
    }
}
