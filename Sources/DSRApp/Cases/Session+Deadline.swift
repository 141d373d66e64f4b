import DSRCore

extension Session {
    /// The schedule a request of `kind` received at `received` would have under the policy in
    /// force (the deadline calculator); nothing is recorded. Anyone signed in may ask.
    public func calculateDeadline(kind: RequestKind, received: Instant, claimantDue: CivilDate? = nil) throws
        -> Schedule
    {
        if kind.isCivilClaim, claimantDue == nil {
            throw AppError(.badInput, DSRCoreError.missingClaimantDate(kind).description)
        }
        return try AppError.mapping {
            try tracker.engine.schedule(
                DeadlineFacts(received: received, kind: kind, claimantDue: claimantDue), at: now)
        }
    }
}
