/// Reads a message's MIME tree (RFC 2045–2049) into a `MailMessage`, counting parts and depth
/// against the limits as it goes.
///
/// The body text is the first `text/plain` (or `text/html`, reduced, flagged `.htmlOnly`) part
/// not marked as attachment; of a `multipart/alternative` the plain text is preferred, and the
/// renditions not chosen contribute only their non-text parts (inline images) as attachments.
/// Later plain or HTML parts are attachments when they have a file name or are marked so, else
/// their text is appended after a blank line. Every other leaf part is an attachment.
/// `message/rfc822` parts become embedded messages with their own headers, text, attachments
/// and flags. `multipart/signed` is read through its first part (`.signed`, the signature not
/// listed); `multipart/encrypted` and S/MIME enveloped data are not read (`.encrypted`); opaque
/// S/MIME signed data (`application/pkcs7-mime; smime-type=signed-data`) is flagged `.signed`
/// and its content is not read either. TNEF (`winmail.dat`) is flagged `.tnef` and listed.
struct MessageReader {
    /// How a part is read: as content, or as a rendition of a `multipart/alternative` that was
    /// not chosen (its text skipped, its other parts listed).
    private enum Role {
        case content
        case otherRendition
    }

    private let limits: MailLimits
    /// The MIME entities read so far, embedded messages included.
    private var partCount = 0

    /// A reader for one message under `limits`.
    init(limits: MailLimits) {
        self.limits = limits
    }

    /// Reads a message at a nesting depth (0 for the message itself); a leading mbox `From `
    /// line is skipped. Throws when it is no message or breaks a limit.
    mutating func message(_ bytes: ArraySlice<UInt8>, depth: Int) throws(MailRefusal) -> MailMessage {
        guard Self.isMessage(bytes) else { throw .notMail }
        let content = bytes[Self.startAfterFromLine(bytes)...]
        var flags = Set<MailFlag>()
        let root = try entity(content, defaultType: ("text", "plain"), depth: depth, flags: &flags)
        var message = MessageHeaders.message(from: root.header, flags: &flags)
        var parts = BodyParts()
        try walk(root, depth: depth, role: .content, into: &parts, flags: &flags)
        message.text = parts.text
        message.attachments = parts.attachments
        message.embedded = parts.embedded
        message.flags = flags
        return message
    }

    /// Whether bytes may be a message: after an mbox `From ` line, if any, a header field.
    private static func isMessage(_ bytes: ArraySlice<UInt8>) -> Bool {
        HeaderBlock.startsWithField(bytes[startAfterFromLine(bytes)...])
    }

    /// Where a message starts: after an mbox `From ` line, if it begins with one.
    private static func startAfterFromLine(_ bytes: ArraySlice<UInt8>) -> Int {
        guard ASCII.hasPrefix(bytes, ASCII.bytes("From "), at: bytes.startIndex) else { return bytes.startIndex }
        var lines = ByteLines(bytes)
        return lines.next()?.end ?? bytes.endIndex
    }

    /// Reads one entity at a depth, counting it; throws past the depth or part limit.
    private mutating func entity(
        _ bytes: ArraySlice<UInt8>, defaultType: (String, String), depth: Int, flags: inout Set<MailFlag>
    ) throws(MailRefusal) -> MimeEntity {
        guard depth <= limits.maxDepth else { throw .tooDeep(limits.maxDepth) }
        partCount += 1
        guard partCount <= limits.maxParts else { throw .tooManyParts(limits.maxParts) }
        return try MimeEntity(bytes, defaultType: defaultType, limits: limits, flags: &flags)
    }

    /// Reads an entity by its media type.
    private mutating func walk(
        _ entity: MimeEntity, depth: Int, role: Role, into parts: inout BodyParts, flags: inout Set<MailFlag>
    ) throws(MailRefusal) {
        switch (entity.type, entity.subtype) {
        case ("multipart", _):
            try walkMultipart(entity, depth: depth, role: role, into: &parts, flags: &flags)
        case ("message", "rfc822"), ("message", "global"):
            try embed(entity, depth: depth, into: &parts, flags: &flags)
        case ("application", "pkcs7-mime"), ("application", "x-pkcs7-mime"):
            flags.insert(entity.parameters["smime-type"]?.lowercased() == "signed-data" ? .signed : .encrypted)
        default:
            leaf(entity, role: role, into: &parts, flags: &flags)
        }
    }

    /// Reads a multipart's children as its subtype says. Without a boundary, or with no
    /// delimiter in the body, the body is read as plain text (`.malformed`).
    private mutating func walkMultipart(
        _ entity: MimeEntity, depth: Int, role: Role, into parts: inout BodyParts, flags: inout Set<MailFlag>
    ) throws(MailRefusal) {
        let split = entity.parameters["boundary"].map {
            MultipartBody(entity.body, boundary: ASCII.bytes($0), maxParts: limits.maxParts)
        }
        guard let split, !split.parts.isEmpty else {
            flags.insert(.malformed)
            readText(entity, into: &parts, flags: &flags)
            return
        }
        if !split.closed { flags.insert(.malformed) }
        let childType = entity.subtype == "digest" ? ("message", "rfc822") : ("text", "plain")
        var children: [MimeEntity] = []
        for part in split.parts {
            children.append(try self.entity(part, defaultType: childType, depth: depth + 1, flags: &flags))
        }
        switch entity.subtype {
        case "signed":
            flags.insert(.signed)
            if let first = children.first { try walk(first, depth: depth + 1, role: role, into: &parts, flags: &flags) }
        case "encrypted":
            flags.insert(.encrypted)
        default:
            let chosen = entity.subtype == "alternative" ? Self.preferredRendition(children) : nil
            for (position, child) in children.enumerated() {
                let childRole = chosen == nil || position == chosen ? role : .otherRendition
                try walk(child, depth: depth + 1, role: childRole, into: &parts, flags: &flags)
            }
        }
    }

    /// The alternative to read: plain text, else a multipart (which may hold it), else HTML,
    /// else the first.
    private static func preferredRendition(_ children: [MimeEntity]) -> Int? {
        children.firstIndex { $0.mediaType == "text/plain" && !$0.isMarkedAttachment }
            ?? children.firstIndex { $0.type == "multipart" }
            ?? children.firstIndex { $0.mediaType == "text/html" && !$0.isMarkedAttachment }
            ?? (children.isEmpty ? nil : 0)
    }

    /// Reads a `message/rfc822` part as an embedded message; one that is no message is listed as
    /// an attachment (`.malformed`).
    private mutating func embed(
        _ entity: MimeEntity, depth: Int, into parts: inout BodyParts, flags: inout Set<MailFlag>
    ) throws(MailRefusal) {
        let bytes = entity.transferEncoding == .identity ? entity.body : entity.decodedBody(flags: &flags)[...]
        guard Self.isMessage(bytes) else {
            flags.insert(.malformed)
            attach(entity, into: &parts, flags: &flags)
            return
        }
        parts.embedded.append(try message(bytes, depth: depth + 1))
    }

    /// Reads a leaf part: body text or an attachment.
    private func leaf(_ entity: MimeEntity, role: Role, into parts: inout BodyParts, flags: inout Set<MailFlag>) {
        if entity.mediaType == "application/ms-tnef" || entity.filename?.lowercased() == "winmail.dat" {
            flags.insert(.tnef)
        } else if entity.type == "text", entity.subtype == "plain" || entity.subtype == "html",
            !entity.isMarkedAttachment
        {
            switch role {
            case .otherRendition where entity.filename == nil:
                return
            case .content where !parts.hasText || entity.filename == nil:
                readText(entity, into: &parts, flags: &flags)
                return
            default:
                break
            }
        }
        attach(entity, into: &parts, flags: &flags)
    }

    /// Reads a part as body text in its charset; HTML is reduced to text (`.htmlOnly` when it is
    /// the first text).
    private func readText(_ entity: MimeEntity, into parts: inout BodyParts, flags: inout Set<MailFlag>) {
        let decoded = TextDecoder.decode(entity.decodedBody(flags: &flags), label: entity.parameters["charset"])
        if decoded.fellBack { flags.insert(.charsetFallback) }
        guard entity.subtype == "html" else {
            parts.addText(decoded.text)
            return
        }
        if !parts.hasText { flags.insert(.htmlOnly) }
        parts.addText(HTMLText.reduce(decoded.text))
    }

    /// Lists a part as an attachment, measured and hashed while it is decoded.
    private func attach(_ entity: MimeEntity, into parts: inout BodyParts, flags: inout Set<MailFlag>) {
        var digest = DigestSink()
        entity.decode(into: &digest, flags: &flags)
        parts.attachments.append(
            MailAttachment(
                filename: entity.filename, contentType: entity.mediaType, size: digest.count, sha256: digest.finish()))
    }
}
