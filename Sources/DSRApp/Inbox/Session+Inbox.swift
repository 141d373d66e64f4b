import DSRCore
import DSRLedger
import DSRMail
import Foundation

/// One inbox item in a list: the item and who sent it about what.
public struct InboxEntry: Sendable {
    public let item: InboxItem
    /// The sender's name, else address; nil if unknown or erased.
    public let sender: VaultText?
    public let subject: VaultText?
}

/// An inbox item with what a clerk needs to decide on it.
public struct InboxDetail: Sendable {
    public let item: InboxItem
    public let senderName: VaultText?
    public let senderAddress: VaultText?
    public let messageID: VaultText?
    public let subject: VaultText?
    /// The read message; nil once erased (or sealed without the vault key).
    public let document: InboxDocument?
    /// Every moment of receipt the message offers, the chosen one first.
    public var candidates: [ReceiptCandidate] { item.evidence.compactMap(ReceiptCandidate.init(recordText:)) }
    /// The doubts about the chosen moment.
    public var doubts: [ReceiptDoubt] { item.flags.compactMap(ReceiptDoubt.init(rawValue:)) }
    /// What a clerk should know about how the message was read.
    public var mailFlags: [String] {
        item.flags.filter { ReceiptDoubt(rawValue: $0) == nil }
    }
}

/// Which moment a case opened from an inbox item counts as its receipt.
public enum ReceiptChoice: Sendable, Equatable {
    /// The one the evidence chose.
    case asRead
    /// Another of the item's candidates (a forwarded message's own time), with the reason.
    case candidate(Int, reason: String)
    /// A moment the clerk states, with the reason.
    case stated(Instant, reason: String)
}

/// A case to open from an inbox item: the kinds, and the person's data as the clerk confirmed
/// it (prefilled from the message; see `InboxDetail.prefill`).
public struct CaseFromItem: Sendable {
    public var kinds: [RequestKind]
    public var receipt: ReceiptChoice
    public var claimantDue: CivilDate?
    public var personal: [PersonalField: String]

    public init(
        kinds: [RequestKind], receipt: ReceiptChoice = .asRead, claimantDue: CivilDate? = nil,
        personal: [PersonalField: String]
    ) {
        self.kinds = kinds
        self.receipt = receipt
        self.claimantDue = claimantDue
        self.personal = personal
    }
}

extension InboxDetail {
    /// The person's data of a case as the message gives it: the sender's name (else address),
    /// address, Message-ID as reference, and subject line and text as the note, each fitted
    /// to what the field takes.
    public var prefill: [PersonalField: String] {
        var result: [PersonalField: String] = [:]
        let name = senderName?.text ?? senderAddress?.text
        result[.subject] = name.flatMap { PersonalTextRules.fitted($0, field: .subject) }
        result[.contact] = senderAddress?.text.flatMap { PersonalTextRules.fitted($0, field: .contact) }
        result[.reference] = messageID?.text.flatMap { PersonalTextRules.fitted("<\($0)>", field: .reference) }
        let note = [subject?.text, document?.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        result[.note] = PersonalTextRules.fitted(note, field: .note)
        return result
    }
}

extension VaultText {
    /// The text, if it is one.
    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}

extension Session {
    /// Inbox items, newest first, with sender and subject.
    public func inbox(_ filter: InboxFilter = InboxFilter()) throws -> [InboxEntry] {
        try require(.readInbox)
        return try AppError.mapping {
            try tracker.store.inboxItems(filter).map { item in
                let personal = try tracker.store.inboxPersonalData(of: item.id, fields: [.subject, .contact, .note])
                return InboxEntry(
                    item: item, sender: personal[.subject] ?? personal[.contact], subject: personal[.note])
            }
        }
    }

    /// How many inbox items are in each state.
    public func inboxCounts() throws -> [InboxState: Int] {
        try require(.readInbox)
        return try AppError.mapping { try tracker.store.inboxCounts() }
    }

    /// One inbox item with its message.
    public func inboxItem(_ id: Int) throws -> InboxDetail {
        try require(.readInbox)
        return try AppError.mapping {
            guard let item = try tracker.store.inboxItem(id) else {
                throw AppError(.notFound, "no inbox item \(id)")
            }
            let personal = try tracker.store.inboxPersonalData(
                of: id, fields: [.subject, .contact, .reference, .note, .message])
            let document = try personal[.message]?.text.map {
                try JSONDecoder().decode(InboxDocument.self, from: Data($0.utf8))
            }
            return InboxDetail(
                item: item, senderName: personal[.subject], senderAddress: personal[.contact],
                messageID: personal[.reference], subject: personal[.note], document: document)
        }
    }

    /// Opens a case from a new inbox item: received by e-mail at the moment the evidence
    /// chose (or the one the clerk chose, with the reason), with the evidence recorded on the
    /// case; the item is marked as made a case. All in one transaction.
    @discardableResult
    public func openCase(fromItem id: Int, _ request: CaseFromItem) throws -> CaseChange {
        try require(.logCase)
        try require(.settleInboxItem)
        let detail = try inboxItem(id)
        guard detail.item.state == .new else {
            throw AppError(.conflict, "inbox item \(id) is not new (\(detail.item.state.rawValue))")
        }
        let (received, source, reason) = try receipt(of: detail, request.receipt)
        let input = CaseInput(
            kinds: request.kinds, channel: .email, received: received, claimantDue: request.claimantDue,
            personal: request.personal)
        let checked = try checkedInput(input)
        let evidence = Event.receiptEvidence(
            item: id, sha256: detail.item.sha256, source: source.rawValue, evidence: detail.item.evidence,
            doubts: detail.doubts.map(\.rawValue))
        let recorded = try AppError.mapping {
            try tracker.store.logCase(
                fromItem: id, checked, evidence: evidence, reason: reason, policy: tracker.policyReference,
                engine: tracker.engine, actor: actor, now: now)
        }
        return CaseChange(recorded, engine: tracker.engine)
    }

    /// Dismisses a new inbox item (no data-subject request) with the reason.
    @discardableResult
    public func dismiss(item id: Int, reason: String) throws -> InboxItem {
        try require(.settleInboxItem)
        let checked = try PersonalTextRules.validated(reason, field: .reason, what: "the reason")
        return try AppError.mapping {
            try tracker.store.dismissInboxItem(id, reason: checked, actor: actor, now: now)
        }
    }

    /// The moment of receipt a choice gives, its source, and the clerk's reason.
    private func receipt(of detail: InboxDetail, _ choice: ReceiptChoice) throws -> (Instant, ReceiptSource, String?) {
        switch choice {
        case .asRead:
            guard let chosen = detail.candidates.first, detail.item.receivedAt != nil else {
                throw AppError(.badInput, "the message gives no moment of receipt; state one with a reason")
            }
            return (chosen.at, chosen.source, nil)
        case .candidate(let index, let reason):
            guard detail.candidates.indices.contains(index) else {
                throw AppError(.badInput, "the message offers no moment number \(index + 1)")
            }
            let candidate = detail.candidates[index]
            return (candidate.at, candidate.source, try reasonGiven(reason))
        case .stated(let at, let reason):
            return (at, .clerk, try reasonGiven(reason))
        }
    }

    private func reasonGiven(_ reason: String) throws -> String {
        try PersonalTextRules.validated(reason, field: .reason, what: "the reason for another moment of receipt")
    }
}
