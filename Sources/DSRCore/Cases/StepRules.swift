/// Which steps make sense for a case as it stands. A step that makes no sense is refused
/// with a reason; a late extension, a late answer or a refusal without legal basis is not
/// refused — the record must be true — but flagged as non-compliant (`CaseState.findings`).
public enum StepRules {
    /// Tolerance for clocks that run slightly apart when a step is dated "now".
    public static let futureTolerance: Int64 = 300

    /// Refuses a moment (`what` names it in the message) that lies in the future, beyond the
    /// tolerance.
    public static func refuseFuture(_ at: Instant, now: Instant, what: String) throws {
        guard at.secondsSinceEpoch <= now.secondsSinceEpoch + futureTolerance else {
            throw DSRCoreError.invalidTime("\(what) lies in the future")
        }
    }

    /// Throws `DSRCoreError.stepRefused` if `event`, dated `at`, makes no sense for `state`
    /// (`invalidTime` if `at` lies in the future).
    public static func check(
        _ event: Event, at: Instant, on state: CaseState, now: Instant, policy: Policy
    ) throws {
        func refuse(_ reason: String) -> DSRCoreError { .stepRefused("case \(state.id): \(reason)") }
        guard at >= state.receivedAt else {
            throw refuse("the moment of the step lies before the receipt of the request")
        }
        guard at.secondsSinceEpoch <= now.secondsSinceEpoch + futureTolerance else {
            throw DSRCoreError.invalidTime("case \(state.id): the moment of the step lies in the future")
        }
        switch event {
        case .reopened:
            guard state.lifecycle != .open else { throw refuse("the case is not closed") }
            return
        case .noteAdded, .assigned, .letterProduced:
            return
        case .rectified:
            guard state.purgedAt == nil else {
                throw refuse("its personal data was purged; there is nothing to rectify")
            }
            return
        case .closed where state.lifecycle == .withdrawn:
            return  // a withdrawn case is closed as it stands
        default:
            guard state.lifecycle == .open else {
                throw refuse("the case is \(state.lifecycle == .closed ? "closed" : "withdrawn"); reopen it first")
            }
        }
        switch event {
        case .received:
            throw refuse("a case is received once")
        case .receiptEvidence:
            throw refuse("the evidence of receipt is recorded when a case is opened from the inbox")
        case .exported, .purged, .backedUp, .dutyDone, .staffAdded, .staffRoleChanged, .staffDisabled,
            .staffPasswordSet, .messageReceived, .messageUnreadable, .messageDismissed, .inboxPurged:
            throw refuse("exports, purges, backups, duties, staff accounts and the inbox are not steps of a case")
        case .acknowledged:
            guard state.acknowledgedAt == nil else { throw refuse("receipt was already acknowledged") }
        case .identityRequested:
            guard state.identityPendingSince == nil else { throw refuse("identity proof is already being awaited") }
        case .identityConfirmed:
            guard let since = state.identityPendingSince else { throw refuse("no identity proof was asked for") }
            guard at >= since else { throw refuse("the moment of the step lies before identity proof was asked for") }
        case .clarificationRequested:
            guard state.clarificationPendingSince == nil else {
                throw refuse("a clarification is already being awaited")
            }
        case .clarificationReceived:
            guard let since = state.clarificationPendingSince else { throw refuse("no clarification was asked for") }
            guard at >= since else {
                throw refuse("the moment of the step lies before the clarification was asked for")
            }
        case .extended:
            guard state.kinds.contains(where: { !$0.isCivilClaim }) else {
                throw refuse("civil claims have no statutory extension")
            }
            guard state.extensionNotice == nil else { throw refuse("the deadline was already extended") }
            guard state.isActive else { throw refuse("all requests are answered") }
        case .forwarded(let to):
            guard policy.jointControllers.contains(where: { $0.id == to }) else {
                let known = policy.jointControllers.map(\.id).joined(separator: ", ")
                throw refuse("the policy names no joint controller '\(to)' (known: \(known.isEmpty ? "none" : known))")
            }
        case .recipientsNotified:
            guard state.kinds.contains(where: { [.rectification, .erasure, .restriction].contains($0) }) else {
                throw refuse("Art. 19 concerns rectification, erasure and restriction; this case has none")
            }
        case .answered(let kind, _, _):
            guard state.kinds.contains(kind) else {
                throw refuse(
                    "the case has no request of kind \(kind.rawValue) (it has: \(state.kinds.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            guard state.answers[kind] == nil else { throw refuse("the \(kind.rawValue) request was already answered") }
        case .withdrawn:
            break
        case .closed:
            let open = state.unansweredKinds
            guard open.isEmpty else {
                throw refuse(
                    "\(open.count) request(s) unanswered (\(open.map(\.rawValue).joined(separator: ", "))); answer them or record a withdrawal"
                )
            }
        case .reopened, .noteAdded, .assigned, .rectified, .letterProduced, .replyRouteSet:
            break
        }
    }
}
