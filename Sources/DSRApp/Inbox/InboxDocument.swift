import DSRCore
import DSRMail

/// A message as an inbox item keeps it (JSON in the vault, erased with the item): what a
/// clerk reads on the item page. The attachments' content is never kept.
public struct InboxDocument: Codable, Sendable, Equatable {
    public var subject: String?
    /// The headers that matter, decoded.
    public var headers: [MailHeader]
    public var text: String
    public var attachments: [MailAttachment]
    /// Forwarded messages inside, depth first: their senders, subjects, times and texts.
    public var forwarded: [ForwardedMessage]

    /// The read form of a parsed message; `ownHosts` pick the forwarded messages' own receipts.
    init(_ message: MailMessage, ownHosts: [String]) {
        subject = message.subject
        headers = message.headers
        text = message.text
        attachments = message.attachments
        forwarded = ForwardedMessage.all(in: message, ownHosts: ownHosts)
    }
}

/// A message forwarded inside another (`message/rfc822`): the city may have received it
/// earlier, at another of its addresses.
public struct ForwardedMessage: Codable, Sendable, Equatable {
    public var from: MailAddress?
    public var subject: String?
    /// Its `Date:` header.
    public var date: Instant?
    /// Its `Received:` dates added by the controller's own hosts, topmost first.
    public var receivedByOwnHosts: [Instant]
    public var text: String

    /// Every message inside `message`, depth first.
    static func all(in message: MailMessage, ownHosts: [String]) -> [ForwardedMessage] {
        message.embedded.flatMap { inner in
            let own = ReceiptChooser.ownHostReceipts(of: inner, ownHosts: ownHosts)
            let this = ForwardedMessage(
                from: inner.from, subject: inner.subject, date: inner.date, receivedByOwnHosts: own, text: inner.text)
            return [this] + all(in: inner, ownHosts: ownHosts)
        }
    }
}
