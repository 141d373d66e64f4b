/// The header fields of a message as `MailMessage` has them: the shown headers, the addresses,
/// the dates, the `Received:` hops, and the flags for what is missing.
enum MessageHeaders {
    /// The headers shown to a clerk, by lowercase name, with the spelling they are shown in.
    private static let shown: [String: String] = [
        "from": "From", "sender": "Sender", "reply-to": "Reply-To", "to": "To", "cc": "Cc", "subject": "Subject",
        "date": "Date", "message-id": "Message-ID", "in-reply-to": "In-Reply-To", "references": "References",
    ]

    /// A message with its header fields read (its body still empty). Where a field occurs more
    /// than once, the first counts; the shown headers keep every occurrence.
    static func message(from header: HeaderBlock, flags: inout Set<MailFlag>) -> MailMessage {
        var message = MailMessage()
        for field in header.fields {
            let name = field.name.lowercased()
            if let shownName = shown[name] {
                let value = PlainText.collapsingWhitespace(EncodedWords.decode(field.value[...], flags: &flags))
                message.headers.append(MailHeader(name: shownName, value: value))
            }
            switch name {
            case "received": message.received.append(ReceivedHop(parsing: field.value))
            case "to", "cc": message.recipients += AddressList.parse(field.value, flags: &flags)
            default: break
            }
        }
        message.subject = message.headers.first { $0.name == "Subject" }?.value
        message.date = header.first("date").flatMap { MailDate.parse($0.value) }
        message.messageID = header.first("message-id").flatMap { messageID($0.value) }
        message.from = header.first("from").flatMap { AddressList.parse($0.value, flags: &flags).first }
        if let replyTo = header.first("reply-to").flatMap({ AddressList.parse($0.value, flags: &flags).first }),
            replyTo.address.lowercased() != message.from?.address.lowercased()
        {
            message.replyTo = replyTo
        }
        if message.date == nil { flags.insert(.noDate) }
        if message.from == nil { flags.insert(.noFrom) }
        if message.messageID == nil { flags.insert(.noMessageID) }
        return message
    }

    /// A message ID without its angle brackets (the first bracketed one, else the first word).
    private static func messageID(_ value: [UInt8]) -> String? {
        let text = TextDecoder.unlabelled(value).text
        if let open = text.firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            let inside = text[text.index(after: open)..<close].trimmingASCIIBlanks()
            if !inside.isEmpty { return inside }
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
    }
}
