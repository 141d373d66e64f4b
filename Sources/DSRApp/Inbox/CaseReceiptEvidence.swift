import DSRCore
import DSRLedger
import DSRMail

/// How a case opened from the inbox came by its moment of receipt: the item and the hash of
/// the message, the source taken, every moment the message offered, doubts, and a clerk's
/// reason for another moment.
public struct CaseReceiptEvidence: Sendable {
    public let item: Int
    public let sha256: String
    /// The source key (`received-header` …); `ReceiptSource(rawValue:)` reads it.
    public let source: String
    public let candidates: [ReceiptCandidate]
    public let doubts: [String]
    public let reason: VaultText?
}

extension CaseDetail {
    /// The evidence of receipt, for a case opened from an inbox item.
    public var receiptEvidence: CaseReceiptEvidence? {
        for record in events {
            guard case .receiptEvidence(let item, let sha256, let source, let evidence, let doubts) = record.event
            else { continue }
            return CaseReceiptEvidence(
                item: item, sha256: sha256, source: source,
                candidates: evidence.compactMap(ReceiptCandidate.init(recordText:)), doubts: doubts,
                reason: personal.byEvent[record.id]?[.reason])
        }
        return nil
    }
}
