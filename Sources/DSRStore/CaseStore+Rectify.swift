import DSRCore
import DSRLedger

extension CaseStore {
    /// Corrects a person's name or contact (Art. 16 GDPR) in one transaction: records a
    /// `rectified` event carrying the new values and the commitments (HMACs) of the values it
    /// replaces, then erases every earlier text of those fields in the case, with its key. The
    /// old values are gone; the chain still verifies, because commitments stay. A case the actor
    /// may not see (`visibility`) is refused inside the transaction.
    public func rectify(
        _ caseID: CaseID, values: [PersonalField: String], at occurredAt: Instant, actor: String, now: Instant,
        visibility: CaseVisibility = .every, engine provider: EngineProvider
    ) throws -> Recorded {
        let recorded = try writeBatch { batch, _ in
            try batch.rectify(
                caseID, values: values, at: occurredAt, actor: actor, now: now, visibility: visibility,
                engine: provider)
        }
        logger.info(
            "rectified personal data",
            metadata: ["case": "\(caseID)", "fields": "\(values.keys.sorted().map(\.rawValue))"])
        return recorded
    }
}
