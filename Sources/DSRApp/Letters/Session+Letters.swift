import DSRCore
import DSRLedger
import DSRReports

/// A letter a member of staff asks for.
public struct LetterRequest: Sendable {
    public var caseID: CaseID
    /// The template's name (`eingangsbestaetigung`).
    public var template: String
    /// HTML instead of plain text (not for replies through a social network).
    public var html: Bool
    /// The way it goes; default the case's reply route, else its channel.
    public var route: Channel?
    public var language: Language
    /// The clerk's placeholders.
    public var fills: [String: String]
    /// Reasons for an extension, if not those recorded.
    public var reasons: String?
    /// The date of the letter; default now.
    public var at: Instant?

    public init(
        caseID: CaseID, template: String, html: Bool = false, route: Channel? = nil, language: Language = .de,
        fills: [String: String] = [:], reasons: String? = nil, at: Instant? = nil
    ) {
        self.caseID = caseID
        self.template = template
        self.html = html
        self.route = route
        self.language = language
        self.fills = fills
        self.reasons = reasons
        self.at = at
    }
}

extension Session {
    /// Fills a letter template for a case, hands the text to `deliver` (which writes or sends
    /// it), then records `letter-produced` with the text's SHA-256. Nothing is recorded when
    /// `deliver` fails; returns the text.
    @discardableResult
    public func produceLetter(
        _ request: LetterRequest, templates: LetterTemplates, deliver: (String) throws -> Void
    ) throws -> String {
        let (text, route) = try renderLetter(request, templates: templates)
        let at = request.at ?? now
        try deliver(text)
        let event = Event.letterProduced(
            template: request.template, format: request.html ? "html" : "text", route: route,
            sha256: Chain.sha256Hex(text))
        _ = try AppError.mapping {
            try tracker.store.record(
                event, on: request.caseID, personal: [:], at: at, actor: actor, visibility: access.visibility, now: now,
                engine: tracker.engine(hash:text:))
        }
        return text
    }

    /// The letter as it would be produced, without recording it (a preview).
    public func previewLetter(_ request: LetterRequest, templates: LetterTemplates) throws -> String {
        try renderLetter(request, templates: templates).text
    }

    /// Fills the template for the case and says by which route the letter goes.
    private func renderLetter(_ request: LetterRequest, templates: LetterTemplates) throws -> (
        text: String, route: Channel
    ) {
        try require(.produceLetter)
        let at = request.at ?? now
        let detail = try caseDetail(request.caseID, at: at)
        let route = request.route ?? detail.state.replyRoute ?? detail.state.channel
        let reasons = try request.reasons.map {
            try PersonalTextRules.validated($0, field: .reason, what: "the reasons")
        }
        let text = try AppError.mapping {
            let input = LetterInput(
                state: detail.state, schedule: detail.schedule, policy: detail.engine.policy, zone: detail.engine.zone,
                personal: detail.personal, at: at, route: route, german: request.language == .de,
                fills: request.fills, reasons: reasons)
            return try LetterWriter.render(
                request.template, variant: try LetterWriter.variant(route: route, html: request.html), input: input,
                templates: templates)
        }
        return (text, route)
    }
}
