import DSRCore

/// What a letter is filled with: the case, the engine's schedule, the policy the case was
/// logged under, the person's personal data, and the clerk's input.
public struct LetterInput {
    public var state: CaseState
    /// The engine's schedule of the case at `at`; the letter's deadlines are its dates.
    public var schedule: Schedule
    public var policy: Policy
    public var zone: ZoneRules
    /// The case's personal data by event and field.
    public var personal: CasePersonalData
    /// The date of the letter.
    public var at: Instant
    /// How the letter goes out.
    public var route: Channel
    public var german: Bool
    /// The clerk's placeholders (`fill.KEY`).
    public var fills: [String: String]
    /// Reasons given for this letter (an extension's), instead of those on record.
    public var reasons: String?

    public init(
        state: CaseState, schedule: Schedule, policy: Policy, zone: ZoneRules,
        personal: CasePersonalData, at: Instant, route: Channel, german: Bool,
        fills: [String: String] = [:], reasons: String? = nil
    ) {
        self.state = state
        self.schedule = schedule
        self.policy = policy
        self.zone = zone
        self.personal = personal
        self.at = at
        self.route = route
        self.german = german
        self.fills = fills
        self.reasons = reasons
    }

    /// The latest text of a personal field: the last event that carries it wins (a later
    /// rectification replaces the name given at receipt). Purged or sealed data is refused.
    func latest(_ field: PersonalField) throws -> String? {
        switch personal.current(field) {
        case nil: return nil
        case .text(let text): return text
        case .erased:
            throw ReportError.letterRefused(
                "the personal data of case \(state.id) was purged; no letter can be written")
        case .sealed:
            throw ReportError.letterRefused(
                "the personal data of case \(state.id) is sealed; give the vault key (--vault-key FILE or DSR_VAULT_KEY_FILE)"
            )
        }
    }

    /// The joint controller a letter concerns: the one `letter` names after `weiterleitung-`,
    /// else the one of the channel the request came through.
    func jointController(for letter: String) -> JointController? {
        let id =
            letter.hasPrefix("weiterleitung-")
            ? String(letter.dropFirst("weiterleitung-".count))
            : policy.channels.first { $0.id == state.channel.rawValue }?.jointController
        return policy.jointControllers.first { $0.id == id }
    }

    /// The template variables (`LetterVariables`) for `letter` sent as `variant`.
    func context(letter: String, variant: LetterVariant) throws -> [String: Any] {
        let words = DateWords(german: german)
        func day(_ instant: Instant) -> CivilDate { CivilDate(dayNumber: zone.localDayNumber(at: instant)) }
        func article(_ kind: RequestKind) -> String {
            german ? kind.legalSource : kind.legalSource.replacingOccurrences(of: "DSGVO", with: "GDPR")
        }
        func kindName(_ kind: RequestKind) -> String { german ? kind.germanName : kind.englishName }
        func answers(where keep: (RequestKind, CaseState.Answer) -> Bool) -> [[String: Any]] {
            state.kinds.compactMap { kind in
                guard let answer = state.answers[kind], keep(kind, answer) else { return nil }
                var item: [String: Any] = [
                    "kind": kindName(kind), "article": article(kind),
                    "outcome": german ? answer.outcome.germanName : answer.outcome.rawValue,
                ]
                if let basis = answer.basis, !basis.isEmpty { item["basis"] = basis }
                return item
            }
        }
        guard let name = try latest(.subject) else {
            throw ReportError.letterRefused("case \(state.id) has no name on record; a letter needs one")
        }
        let controller = policy.controller
        let requestNames = state.kinds.map { "\(kindName($0)) (\(article($0)))" }
        var context: [String: Any] = [
            "case_id": state.id.rawValue,
            "name": name,
            "date": words.date(day(at)),
            "received": words.date(day(state.receivedAt)),
            "channel": channelName(state.channel),
            "route": channelName(route),
            "social": variant == .social,
            "clock_restarts": policy.clockStop == .restart,
            // The deadline in force is the statutory month (not a claimant's date, not extended).
            "one_month_in_force": !state.kinds.contains(where: \.isCivilClaim) && schedule.dueDate == schedule.deadline,
            "requests": state.kinds.map { ["kind": kindName($0), "article": article($0)] },
            "requests_text": ListText(german: german).join(requestNames),
            "deadline": words.date(schedule.dueDate),
            "deadline_iso": schedule.dueDate.description,
            "one_month_deadline": words.date(schedule.deadline),
            "office_hours": words.officeHours(policy.officeHours),
            "controller": [
                "name": controller.name, "unit": controller.unit, "building": controller.building,
                "street": controller.street, "postal_code": controller.postalCode, "city": controller.city,
                "email": controller.email, "phone": controller.phone,
            ],
            "refusals": answers { _, answer in answer.outcome.needsReasons },
            "done": answers { kind, answer in
                [.rectification, .erasure, .restriction].contains(kind) && !answer.outcome.needsReasons
                    && answer.outcome != .noData
            },
            "fill": fills,
        ]
        // A message through a social network carries no more personal data than needed.
        if variant != .social, let contact = try latest(.contact) { context["contact"] = contact }
        if let extended = schedule.extendedDeadline { context["extended_deadline"] = words.date(extended) }
        if let reasons = try reasons ?? latest(.reason) { context["reasons"] = reasons }
        if let notified = state.recipientsNotifiedAt { context["recipients_notified"] = words.date(day(notified)) }
        if let joint = jointController(for: letter) {
            context["joint_controller"] = ["name": joint.name, "scope": joint.scope]
            context["forward_by"] = words.date(joint.forwardWithin.end(startingOn: day(state.receivedAt)))
        }
        return context
    }

    /// The name of a channel as the policy calls it (German), or its English name.
    private func channelName(_ channel: Channel) -> String {
        if german { return policy.channels.first { $0.id == channel.rawValue }?.name ?? channel.germanName }
        switch channel {
        case .email: return "e-mail"
        case .post: return "post"
        case .phone: return "telephone"
        case .inPerson: return "in person"
        default: return channel.germanName
        }
    }
}

/// Joins words as a sentence does: "A, B und C" / "A, B and C".
struct ListText {
    let german: Bool

    /// The items joined with commas and "und"/"and" before the last.
    func join(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: ", ") + (german ? " und " : " and ") + last
    }
}
