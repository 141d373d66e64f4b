/// A MIME entity (a message or a body part): its header block, what its headers say about the
/// content, and its body bytes still transfer-encoded.
struct MimeEntity {
    /// The header block.
    var header: HeaderBlock
    /// The media type, lowercased (`text`, `plain`).
    var type: String
    var subtype: String
    /// The `Content-Type` parameters (charset, boundary, name, smime-type …).
    var parameters: [String: String]
    /// The `Content-Disposition` token, lowercased (`attachment`, `inline`), if any.
    var disposition: String?
    /// The file name: the disposition's `filename`, else the type's `name`.
    var filename: String?
    var transferEncoding: TransferEncoding
    /// The body, transfer-encoded.
    var body: ArraySlice<UInt8>

    /// Reads an entity; `defaultType` applies when `Content-Type` is missing or unreadable.
    init(
        _ bytes: ArraySlice<UInt8>, defaultType: (String, String), limits: MailLimits, flags: inout Set<MailFlag>
    ) throws(MailRefusal) {
        header = try HeaderBlock(bytes, maxLine: limits.maxHeaderLine, maxFields: limits.maxHeaderFields)
        if header.endedAtNonField { flags.insert(.malformed) }
        body = bytes[header.bodyStart..<bytes.endIndex]
        let contentType = header.first("content-type").map { HeaderParameters($0.value, flags: &flags) }
        let mediaType = contentType?.value.split(separator: "/", maxSplits: 1).map { $0.trimmingASCIIBlanks() }
        if let mediaType, mediaType.count == 2, !mediaType[0].isEmpty, !mediaType[1].isEmpty {
            (type, subtype) = (mediaType[0], mediaType[1])
        } else {
            (type, subtype) = defaultType
        }
        parameters = contentType?.parameters ?? [:]
        let contentDisposition = header.first("content-disposition").map { HeaderParameters($0.value, flags: &flags) }
        disposition = contentDisposition.flatMap { $0.value.isEmpty ? nil : $0.value }
        filename = [contentDisposition?.parameters["filename"], parameters["name"]].compactMap { $0 }.first {
            !$0.isEmpty
        }
        transferEncoding = TransferEncoding(
            label: header.first("content-transfer-encoding").map { ASCII.string($0.value) })
    }

    /// `type/subtype`.
    var mediaType: String { "\(type)/\(subtype)" }

    /// Whether the part is marked `Content-Disposition: attachment`.
    var isMarkedAttachment: Bool { disposition == "attachment" }

    /// The body with its transfer encoding undone; a truncated base64 body adds `.malformed`.
    func decodedBody(flags: inout Set<MailFlag>) -> [UInt8] {
        var bytes: [UInt8] = []
        decode(into: &bytes, flags: &flags)
        return bytes
    }

    /// Undoes the transfer encoding into `sink`; a truncated base64 body adds `.malformed`.
    func decode(into sink: inout some ByteSink, flags: inout Set<MailFlag>) {
        if !transferEncoding.decode(body, into: &sink) { flags.insert(.malformed) }
    }
}
