import Crypto
import DSRCore
import DSRLedger
import DSRMail
import Dispatch
import Foundation
import Synchronization

/// A message offered to the inbox: its bytes, how it came, and when the mail system
/// delivered it, if known.
public struct OfferedMessage: Sendable {
    public let bytes: [UInt8]
    public let origin: InboxOrigin
    public let delivered: ReceiptCandidate?

    public init(bytes: [UInt8], origin: InboxOrigin, delivered: ReceiptCandidate?) {
        self.bytes = bytes
        self.origin = origin
        self.delivered = delivered
    }
}

/// What became of a message offered to the inbox.
public enum IntakeOutcome: Sendable, Equatable {
    /// A new inbox item.
    case taken(InboxItem)
    /// The same message (Message-ID and content) was already taken in; counted there.
    case duplicate(InboxItem)
    /// Not a message the tracker can take (not mail, over a limit): why, in one line.
    case refused(String)
}

extension Session {
    /// Reads a message and takes it into the inbox with the evidence of its moment of
    /// receipt. `delivered` is when the mail system delivered it (a Maildir file's time, an
    /// mbox `From ` line), if known; a message the mail server hands to the API is delivered
    /// the moment it is taken in. A file saved by a clerk has no delivery time: its `Date:`
    /// comes next, and the moment it was taken in only when it has none (flagged weaker).
    /// What is not mail or breaks a limit is refused with nothing stored.
    public func takeIn(
        message bytes: [UInt8], origin: InboxOrigin, delivered: ReceiptCandidate? = nil
    ) throws -> IntakeOutcome {
        try takeIn([OfferedMessage(bytes: bytes, origin: origin, delivered: delivered)])[0]
    }

    /// Takes many messages in with one transaction (`dsr intake` of a mailbox), each read
    /// and dated as `takeIn(message:origin:delivered:)` does; the outcomes in order.
    public func takeIn(_ messages: [OfferedMessage]) throws -> [IntakeOutcome] {
        try require(.takeInMessages)
        // Reading is pure and takes most of the time: the messages are read on every core.
        let read = Mutex([Result<NewInboxItem, MailRefusal>?](repeating: nil, count: messages.count))
        DispatchQueue.concurrentPerform(iterations: messages.count) { index in
            let result = Result { () throws(MailRefusal) in try MailParser.parse(messages[index].bytes) }
                .map { newItem(from: $0, messages[index]) }
            read.withLock { $0[index] = result }
        }
        var outcomes: [IntakeOutcome?] = []
        var items: [NewInboxItem] = []
        for result in read.withLock({ $0 }) {
            switch result {
            case .success(let item)?:
                items.append(item)
                outcomes.append(nil)
            case .failure(let refusal)?: outcomes.append(.refused(refusal.reason))
            case nil: preconditionFailure("every message is read")
            }
        }
        let additions =
            items.isEmpty ? [] : try AppError.mapping { try tracker.store.addInboxItems(items, actor: actor, now: now) }
        var added = additions.makeIterator()
        return outcomes.map { outcome in
            if let outcome { return outcome }
            switch added.next()! {
            case .added(let item): return .taken(item)
            case .duplicate(let item): return .duplicate(item)
            }
        }
    }

    /// The item a read message becomes: its evidence of receipt, flags and personal data.
    private func newItem(from message: MailMessage, _ offered: OfferedMessage) -> NewInboxItem {
        let intake = tracker.engine.policy.mailIntake
        let takenIn = ReceiptCandidate(source: .takenIn, at: now)
        var evidence = ReceiptChooser.evidence(
            for: message, ownHosts: intake.ownHosts,
            delivered: offered.delivered ?? (offered.origin == .api ? takenIn : nil), now: now)
        if evidence.chosen == nil {
            evidence.candidates.append(takenIn)
            evidence.chosen = takenIn
            evidence.doubts.insert(.weakerEvidence)
        }
        var personal: [PersonalField: String] = [:]
        personal[.subject] = message.from?.name.flatMap(Self.nonEmpty)
        personal[.contact] = message.from.map(\.address).flatMap(Self.nonEmpty)
        personal[.reference] = message.messageID.flatMap(Self.nonEmpty)
        personal[.note] = message.subject.flatMap(Self.nonEmpty)
        personal[.message] = Self.json(InboxDocument(message, ownHosts: intake.ownHosts))
        let chosen = evidence.chosen.map { [$0] } ?? []
        let others = evidence.candidates.filter { $0 != evidence.chosen }
        return NewInboxItem(
            origin: offered.origin, sha256: Self.sha256Hex(offered.bytes), size: offered.bytes.count,
            messageIDHash: message.messageID.map { Chain.sha256Hex($0) }, contentHash: Self.contentHash(of: message),
            receivedAt: evidence.chosen?.at, receiptSource: evidence.chosen?.source.rawValue,
            evidence: (chosen + others).map(\.recordText),
            flags: message.flags.sorted().map(\.rawValue) + evidence.doubts.sorted().map(\.rawValue),
            attachments: message.attachments.count, personal: personal)
    }

    /// Records a delivered file that could not be read as a message (the Maildir watcher
    /// keeps it aside): its hash and size and the reason, no personal data.
    public func recordUnreadable(sha256: String, size: Int, origin: InboxOrigin, reason: String) throws -> InboxItem {
        try require(.takeInMessages)
        return try AppError.mapping {
            try tracker.store.addUnreadableItem(
                origin: origin, sha256: sha256, size: size, reason: reason, actor: actor, now: now)
        }
    }

    /// SHA-256 (hex) of what a message says, without its trace headers: the same mail
    /// delivered twice (or fetched twice) has the same.
    static func contentHash(of message: MailMessage) -> String {
        var parts = [
            message.messageID ?? "", message.from?.address ?? "", message.subject ?? "",
            message.date.map { String($0.secondsSinceEpoch) } ?? "", message.text,
        ]
        parts += message.recipients.map(\.address)
        parts += message.attachments.map(\.sha256)
        return Chain.sha256Hex(parts.joined(separator: "\u{0}"))
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).withUnsafeBytes { Chain.hex($0) }
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmedBlanks
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The document as JSON with sorted keys (strings, numbers and arrays only: it cannot fail).
    static func json(_ document: InboxDocument) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(document)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

extension Tracker {
    /// The login recorded for what the Maildir watcher of `dsr serve` takes in.
    public static let mailIntakeActor = "mail-intake"

    /// The session in which `dsr serve --maildir` takes in messages: recorded as
    /// `mail-intake`, allowed to take messages in and nothing else a clerk could not.
    public func mailIntakeSession(now: Instant) throws -> Session {
        let accounts = try AppError.mapping { try store.accounts() }
        return Session(
            tracker: self, access: Access(login: Self.mailIntakeActor, role: accounts.isEmpty ? nil : .clerk), now: now)
    }
}
