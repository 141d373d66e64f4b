import DSRCore

/// A step a member of staff records on a case, with its typed facts.
public enum Step: Sendable, Equatable {
    case acknowledge
    case requestIdentity, confirmIdentity
    case requestClarification, receiveClarification
    /// The deadline is extended; the person was told with `reason` at `notifiedAt` (default:
    /// the moment of the step).
    case extend(reason: String, notifiedAt: Instant?)
    /// Forwarded to a joint controller the policy names (`meta`).
    case forward(to: String)
    case notifyRecipients
    case answer(kind: RequestKind, outcome: Outcome, basis: String?)
    /// The person wants the answer another way (`nil`: back through the channel they wrote
    /// through), perhaps to a new contact.
    case replyRoute(via: Channel?, contact: String?)
    case assign(to: String)
    case note(String)
    case withdraw, close, reopen

    /// The action the step is, for the role table.
    public var action: Action {
        switch self {
        case .assign: .assignCase
        case .reopen: .reopenCase
        default: .recordStep
        }
    }

    /// The personal data the step carries into the vault, checked.
    func personalData() throws -> [PersonalField: String] {
        switch self {
        case .extend(let reason, _):
            [.reason: try PersonalTextRules.validated(reason, field: .reason, what: "the reasons")]
        case .note(let text): [.note: try PersonalTextRules.validated(text, field: .note, what: "the note")]
        case .replyRoute(_, let contact?):
            [.contact: try PersonalTextRules.validated(contact, field: .contact, what: "the contact")]
        default: [:]
        }
    }

    /// The event the step records, at `at`; `channel` tells, when asked, which channel the
    /// case came in through (only an answer back through it needs to know).
    func event(at: Instant, channel: () throws -> Channel) throws -> Event {
        switch self {
        case .acknowledge: return .acknowledged
        case .requestIdentity: return .identityRequested
        case .confirmIdentity: return .identityConfirmed
        case .requestClarification: return .clarificationRequested
        case .receiveClarification: return .clarificationReceived
        case .extend(_, let notifiedAt): return .extended(notifiedAt: notifiedAt ?? at)
        case .forward(let to): return .forwarded(to: to.lowercased())
        case .notifyRecipients: return .recipientsNotified
        case .answer(let kind, let outcome, let basis):
            let checked = try basis.map {
                try PersonalTextRules.validated($0, field: .reference, what: "the legal basis")
            }
            return .answered(kind: kind, outcome: outcome, basis: checked)
        case .replyRoute(let via, _):
            let route = try via ?? channel()
            let allowed = try [.email, .post].contains(route) || route == channel()
            guard allowed else {
                throw AppError(
                    .badInput, "an answer goes by e-mail, by post or back through the channel the request came by")
            }
            return .replyRouteSet(via: route)
        case .assign(let to): return .assigned(to: to)
        case .note: return .noteAdded
        case .withdraw: return .withdrawn
        case .close: return .closed
        case .reopen: return .reopened
        }
    }
}
