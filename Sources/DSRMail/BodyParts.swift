/// What reading a message's parts gathers: its text, its attachments, the messages inside it.
struct BodyParts {
    /// The text of each part read as body text, normalised, in order.
    private var texts: [String] = []
    var attachments: [MailAttachment] = []
    var embedded: [MailMessage] = []

    /// Whether a part has been read as body text yet (even one without text).
    var hasText: Bool { !texts.isEmpty }

    /// Adds a part's text (line ends normalised, trailing whitespace removed).
    mutating func addText(_ text: String) { texts.append(PlainText.normalised(text)) }

    /// The body text: the texts read, blank ones left out, separated by a blank line.
    var text: String { texts.filter { !$0.isEmpty }.joined(separator: "\n\n") }
}
