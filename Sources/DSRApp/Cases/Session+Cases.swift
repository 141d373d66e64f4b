import DSRCore
import DSRLedger

/// A request as it came in, before it is a case: kinds, channel, moment of receipt, the
/// claimant's date for civil claims, and the person's data (the name is required).
public typealias CaseInput = NewCase

extension Session {
    /// Logs a new case under the policy in force: numbers it, records its receipt with the
    /// person's data in the vault, and returns its schedule.
    @discardableResult
    public func logCase(_ input: CaseInput) throws -> CaseChange {
        try loggedCase(input).change
    }

    /// Logs a new case and returns it in full, as `caseDetail` would read it back (the API
    /// answers with it), without reading it back.
    public func logCaseInFull(_ input: CaseInput) throws -> CaseDetail {
        let (change, personal) = try loggedCase(input)
        return CaseDetail(
            state: change.state, schedule: change.schedule, events: [change.record],
            personal: CasePersonalData([change.record.id: personal.mapValues { .text($0) }]), engine: change.engine)
    }

    /// Logs a new case; the change and the personal texts as stored.
    private func loggedCase(_ input: CaseInput) throws -> (change: CaseChange, personal: [PersonalField: String]) {
        try require(.logCase)
        let checked = try checkedInput(input)
        let recorded = try AppError.mapping {
            try tracker.store.logCase(
                checked, policy: tracker.policyReference, engine: tracker.engine, actor: actor, now: now)
        }
        return (CaseChange(recorded, engine: tracker.engine), checked.personal)
    }

    /// A new request as it may be recorded: a claimant's date for civil claims, a name, each
    /// personal text within the rules, a moment of receipt not in the future.
    func checkedInput(_ input: CaseInput) throws -> NewCase {
        guard !input.kinds.isEmpty else { throw AppError(.badInput, "name at least one request kind") }
        if let civil = input.kinds.first(where: \.isCivilClaim), input.claimantDue == nil {
            throw AppError(.badInput, DSRCoreError.missingClaimantDate(civil).description)
        }
        guard input.personal[.subject] != nil else { throw AppError(.badInput, "the person's name is missing") }
        var personal: [PersonalField: String] = [:]
        for (field, text) in input.personal {
            personal[field] = try PersonalTextRules.validated(text, field: field, what: Self.fieldName(field))
        }
        try AppError.mapping {
            try StepRules.refuseFuture(input.received, now: now, what: "the moment of receipt")
        }
        // Each kind once, in the order given (a front end may pass a list as typed).
        var kinds: [RequestKind] = []
        for kind in input.kinds where !kinds.contains(kind) { kinds.append(kind) }
        return NewCase(
            kinds: kinds, channel: input.channel, received: input.received, claimantDue: input.claimantDue,
            personal: personal)
    }

    /// Records a step on a case at `moment` (default now), if the user may work on the case
    /// and the step makes sense for it as it stands; both are checked inside the write.
    @discardableResult
    public func record(_ step: Step, on id: CaseID, at moment: Instant? = nil) throws -> CaseChange {
        try require(step.action)
        let personal = try step.personalData()
        if case .assign(let login) = step { try checkAssignee(login) }
        let at = moment ?? now
        let recorded = try AppError.mapping {
            // The channel a case came through never changes, so it may be read before the write.
            let event = try step.event(at: at) {
                guard let channel = try tracker.store.summary(of: id).flatMap({ Channel(rawValue: $0.channel) }) else {
                    throw AppError(.notFound, "no case \(id)")
                }
                return channel
            }
            return try tracker.store.record(
                event, on: id, personal: personal, at: at, actor: actor, visibility: access.visibility, now: now,
                engine: tracker.engine(hash:text:))
        }
        return CaseChange(recorded, engine: try tracker.engine(policyHash: recorded.state.policyHash))
    }

    /// Corrects the person's name or contact on a case (Art. 16 GDPR for the tracker itself).
    @discardableResult
    public func rectify(_ id: CaseID, values: [PersonalField: String], at moment: Instant? = nil) throws -> CaseChange {
        try require(.rectifyPersonalData)
        guard !values.isEmpty, values.keys.allSatisfy({ $0 == .subject || $0 == .contact }) else {
            throw AppError(.badInput, "a rectification corrects the name, the contact or both")
        }
        var checked: [PersonalField: String] = [:]
        for (field, text) in values {
            checked[field] = try PersonalTextRules.validated(text, field: field, what: Self.fieldName(field))
        }
        let recorded = try AppError.mapping {
            try tracker.store.rectify(
                id, values: checked, at: moment ?? now, actor: actor, now: now, visibility: access.visibility,
                engine: tracker.engine(hash:text:))
        }
        return CaseChange(recorded, engine: try tracker.engine(policyHash: recorded.state.policyHash))
    }

    /// A case can be assigned to an enabled staff account only (any login in single-user mode).
    func checkAssignee(_ login: String) throws {
        try AppError.mapping { try LoginName.check(login) }
        let accounts = try AppError.mapping { try tracker.store.accounts() }
        guard accounts.isEmpty || accounts.contains(where: { $0.login == login && $0.enabled }) else {
            throw AppError(.badInput, "there is no enabled staff account '\(login)' to assign the case to")
        }
    }

    /// How messages name a personal field.
    static func fieldName(_ field: PersonalField) -> String {
        switch field {
        case .subject: "the person's name"
        case .contact: "the contact"
        case .reference: "the reference"
        case .note: "the note"
        case .reason: "the reasons"
        case .message: "the message"
        }
    }
}
