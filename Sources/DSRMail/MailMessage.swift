import DSRCore

/// A mail message as the tracker reads it: the headers that matter, the text, the
/// attachments (measured and hashed, never kept), forwarded messages inside it, and flags for
/// what a clerk should know about how it was read.
public struct MailMessage: Sendable, Equatable {
    /// The `Message-ID:` without its angle brackets; nil if the message has none.
    public var messageID: String?
    /// The first address of `From:`.
    public var from: MailAddress?
    /// `Reply-To:`, when it names another address.
    public var replyTo: MailAddress?
    /// `To:` and `Cc:`.
    public var recipients: [MailAddress]
    /// `Subject:`, encoded words decoded.
    public var subject: String?
    /// `Date:`, when it is a valid RFC 5322 date-time.
    public var date: Instant?
    /// The `Received:` headers in header order: the topmost (the latest hop) first.
    public var received: [ReceivedHop]
    /// The headers shown to a clerk (From, Sender, Reply-To, To, Cc, Subject, Date, Message-ID,
    /// In-Reply-To, References), decoded, in message order.
    public var headers: [MailHeader]
    /// The body as plain text: the `text/plain` part, else the HTML part reduced to text.
    public var text: String
    /// Every part that is not the body text: names, types, sizes, SHA-256.
    public var attachments: [MailAttachment]
    /// Messages carried inside (`message/rfc822` parts: forwarded mails), in order.
    public var embedded: [MailMessage]
    /// What a clerk should know about how the message was read.
    public var flags: Set<MailFlag>

    /// A message of the given parts; everything defaults to empty.
    public init(
        messageID: String? = nil, from: MailAddress? = nil, replyTo: MailAddress? = nil,
        recipients: [MailAddress] = [], subject: String? = nil, date: Instant? = nil,
        received: [ReceivedHop] = [], headers: [MailHeader] = [], text: String = "",
        attachments: [MailAttachment] = [], embedded: [MailMessage] = [], flags: Set<MailFlag> = []
    ) {
        self.messageID = messageID
        self.from = from
        self.replyTo = replyTo
        self.recipients = recipients
        self.subject = subject
        self.date = date
        self.received = received
        self.headers = headers
        self.text = text
        self.attachments = attachments
        self.embedded = embedded
        self.flags = flags
    }
}

/// A mailbox: a display name (decoded) and an address.
public struct MailAddress: Sendable, Equatable, Codable {
    public var name: String?
    public var address: String

    /// A mailbox of a name (nil: none) and an address.
    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }
}

/// One header field, its value unfolded and decoded.
public struct MailHeader: Sendable, Equatable, Codable {
    public var name: String
    public var value: String

    /// A header of a name and a decoded value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One `Received:` header (RFC 5321 §4.4): the host that added it, where it came from, and
/// the date after its `;`.
public struct ReceivedHop: Sendable, Equatable, Codable {
    /// The host name after `by`, lowercased.
    public var by: String?
    /// The host name after `from`, lowercased.
    public var from: String?
    /// The date-time after the last `;`, when it is valid.
    public var at: Instant?

    /// A hop of the given hosts and date.
    public init(by: String?, from: String?, at: Instant?) {
        self.by = by
        self.from = from
        self.at = at
    }
}

/// A part that is not the body text, measured and hashed while it was decoded.
public struct MailAttachment: Sendable, Equatable, Codable {
    /// The file name (RFC 2231 or encoded words decoded), if the part names one.
    public var filename: String?
    /// The media type, lowercased (`application/pdf`).
    public var contentType: String
    /// The decoded size in bytes.
    public var size: Int
    /// SHA-256 (lowercase hex) of the decoded content.
    public var sha256: String

    /// An attachment of the given name, type, size and hash.
    public init(filename: String?, contentType: String, size: Int, sha256: String) {
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
    }
}

/// Something about a message a clerk should know; the raw value is the stable key.
public enum MailFlag: String, Sendable, Codable, CaseIterable, Comparable {
    /// Only an HTML body; its text was reduced from the HTML.
    case htmlOnly = "html-only"
    /// S/MIME or PGP encrypted: the content cannot be read.
    case encrypted
    /// S/MIME or PGP signed: the signed content was read (the signature is not checked).
    case signed
    /// Outlook's TNEF (`winmail.dat`): its content cannot be read.
    case tnef
    /// No valid `Date:` header.
    case noDate = "no-date"
    /// No `From:` address.
    case noFrom = "no-from"
    /// No `Message-ID:`.
    case noMessageID = "no-message-id"
    /// A charset was unknown or wrong for the bytes; read as Windows-1252.
    case charsetFallback = "charset-fallback"
    /// Some structure was broken (a missing boundary, bad base64) and read as well as it could be.
    case malformed

    /// Ordered by the stable key, for a stable display.
    public static func < (lhs: MailFlag, rhs: MailFlag) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The limits a message must keep to be read at all.
public struct MailLimits: Sendable, Equatable {
    /// The whole message, in bytes.
    public var maxBytes: Int
    /// How deep multiparts and embedded messages may nest.
    public var maxDepth: Int
    /// How many MIME parts a message may have in all.
    public var maxParts: Int
    /// The longest header line (after unfolding), in bytes.
    public var maxHeaderLine: Int
    /// How many header fields one message or part may have (a flood of tiny fields would
    /// otherwise take ten times the message's size in memory).
    public var maxHeaderFields: Int

    /// Limits of the given sizes.
    public init(maxBytes: Int, maxDepth: Int, maxParts: Int, maxHeaderLine: Int, maxHeaderFields: Int = 10_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxParts = maxParts
        self.maxHeaderLine = maxHeaderLine
        self.maxHeaderFields = maxHeaderFields
    }

    /// 25 MiB, nesting 20, 500 parts, header lines of 64 KiB, 10,000 header fields a part.
    public static let standard = MailLimits(
        maxBytes: 25 * 1024 * 1024, maxDepth: 20, maxParts: 500, maxHeaderLine: 64 * 1024)
}

/// Why a file was not taken in as a message: one line, no personal data.
public struct MailRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String

    /// A refusal for a reason (one line, no personal data).
    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
