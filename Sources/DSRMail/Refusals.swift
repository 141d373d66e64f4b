/// The reasons a file is refused: one line of English, no personal data.
extension MailRefusal {
    /// For a file of no bytes.
    static let empty = MailRefusal("the file is empty")
    /// For a file that does not begin with a header field (an image, a document, plain text).
    static let notMail = MailRefusal("the file is not a mail message")

    /// For a message above the size limit.
    static func tooLarge(_ limit: Int) -> MailRefusal {
        MailRefusal("the message is larger than \(describe(bytes: limit))")
    }

    /// For MIME parts or embedded messages nested deeper than the limit.
    static func tooDeep(_ limit: Int) -> MailRefusal { MailRefusal("MIME parts nest deeper than \(limit) levels") }

    /// For more MIME parts than the limit.
    static func tooManyParts(_ limit: Int) -> MailRefusal {
        MailRefusal("the message has more than \(limit) MIME parts")
    }

    /// For an unfolded header field longer than the limit.
    static func headerLineTooLong(_ limit: Int) -> MailRefusal {
        MailRefusal("a header line is longer than \(describe(bytes: limit))")
    }

    /// For more header fields in one message or part than the limit.
    static func tooManyFields(_ limit: Int) -> MailRefusal {
        MailRefusal("a header has more than \(limit) fields")
    }

    /// A byte count as people say it: whole MiB or KiB when it is one, else bytes.
    private static func describe(bytes: Int) -> String {
        let kibibyte = 1024
        let mebibyte = kibibyte * kibibyte
        if bytes >= mebibyte, bytes % mebibyte == 0 { return "\(bytes / mebibyte) MiB" }
        if bytes >= kibibyte, bytes % kibibyte == 0 { return "\(bytes / kibibyte) KiB" }
        return "\(bytes) bytes"
    }
}
