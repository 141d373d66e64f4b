import DSRCore
import DSRLedger
import DSRMail

/// An inbox item in JSON (`dsr intake --json`, `dsr inbox --json`, the API).
public struct InboxItemJSON: Encodable {
    struct Candidate: Encodable {
        let source: String
        let at: String
        let host: String?
    }

    let id: Int
    let state: String
    let origin: String
    let takenAt: String
    let receivedAt: String?
    let receiptSource: String?
    let evidence: [Candidate]
    let flags: [String]
    let sha256: String
    let size: Int
    let attachments: Int
    let duplicates: Int
    let caseID: String?
    let failure: String?

    public init(_ item: InboxItem) {
        id = item.id
        state = item.state.rawValue
        origin = item.origin.rawValue
        takenAt = ISOFormat.utc(item.takenAt)
        receivedAt = item.receivedAt.map(ISOFormat.utc)
        receiptSource = item.receiptSource
        evidence = item.evidence.compactMap(ReceiptCandidate.init(recordText:)).map {
            Candidate(source: $0.source.rawValue, at: ISOFormat.utc($0.at), host: $0.host)
        }
        flags = item.flags
        sha256 = item.sha256
        size = item.size
        attachments = item.attachments
        duplicates = item.duplicates
        caseID = item.caseID?.rawValue
        failure = item.failure
    }

    enum CodingKeys: String, CodingKey {
        case id, state, origin
        case takenAt = "taken_at"
        case receivedAt = "received_at"
        case receiptSource = "receipt_source"
        case evidence, flags, sha256, size, attachments, duplicates
        case caseID = "case"
        case failure
    }
}

/// An inbox item of a list with its sender and subject (`dsr inbox --json`, `GET /api/v1/inbox`).
public struct InboxEntryJSON: Encodable {
    let entry: InboxEntry

    public init(_ entry: InboxEntry) {
        self.entry = entry
    }

    enum CodingKeys: String, CodingKey {
        case sender, subject
    }

    public func encode(to encoder: any Encoder) throws {
        try InboxItemJSON(entry.item).encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entry.sender.map(PersonalJSON.marked), forKey: .sender)
        try container.encode(entry.subject.map(PersonalJSON.marked), forKey: .subject)
    }
}

/// An inbox item with its message (`dsr inbox show --json`).
public struct InboxDetailJSON: Encodable {
    let detail: InboxDetail

    public init(_ detail: InboxDetail) {
        self.detail = detail
    }

    struct Attachment: Encodable {
        let filename: String?
        let contentType: String
        let size: Int
        let sha256: String

        enum CodingKeys: String, CodingKey {
            case filename
            case contentType = "content_type"
            case size, sha256
        }
    }

    struct Forwarded: Encodable {
        let from: String?
        let subject: String?
        let date: String?
        let receivedByOwnHosts: [String]
        let text: String

        enum CodingKeys: String, CodingKey {
            case from, subject, date
            case receivedByOwnHosts = "received_by_own_hosts"
            case text
        }
    }

    enum CodingKeys: String, CodingKey {
        case senderName = "sender_name"
        case senderAddress = "sender_address"
        case messageID = "message_id"
        case subject, headers, text
        case attachmentList = "attachment_list"
        case forwarded
    }

    public func encode(to encoder: any Encoder) throws {
        try InboxItemJSON(detail.item).encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(detail.senderName.map(PersonalJSON.marked), forKey: .senderName)
        try container.encode(detail.senderAddress.map(PersonalJSON.marked), forKey: .senderAddress)
        try container.encode(detail.messageID.map(PersonalJSON.marked), forKey: .messageID)
        try container.encode(detail.subject.map(PersonalJSON.marked), forKey: .subject)
        let document = detail.document
        try container.encode(document?.headers ?? [], forKey: .headers)
        try container.encode(document?.text, forKey: .text)
        try container.encode(
            (document?.attachments ?? []).map {
                Attachment(filename: $0.filename, contentType: $0.contentType, size: $0.size, sha256: $0.sha256)
            }, forKey: .attachmentList)
        try container.encode(
            (document?.forwarded ?? []).map {
                Forwarded(
                    from: $0.from?.address, subject: $0.subject, date: $0.date.map(ISOFormat.utc),
                    receivedByOwnHosts: $0.receivedByOwnHosts.map(ISOFormat.utc), text: $0.text)
            }, forKey: .forwarded)
    }
}

/// How JSON shows a personal text.
enum PersonalJSON {
    /// The text, or a fixed marker for an erased or sealed one.
    static func marked(_ value: VaultText) -> String {
        value.display(erased: "[purged]", sealed: "[sealed]")
    }
}
