import DSRApp
import DSRCore
import Foundation
import HTTPTypes
import Hummingbird

/// The new-request form, logging a case, and the case page.
enum CaseRoutes {
    static func add(to router: Router<WebContext>, app: WebApp) {
        router.get("/cases/new") { request, context in
            try await app.page(request, context) { user in
                newCaseForm(app, user, fields: FormFields(pairs: []), error: nil)
            }
        }
        router.post("/cases") { request, context in
            try await app.form(request, context) { user, fields in
                do {
                    let input = try caseInput(fields, session: user.session)
                    let change = try await app.run(user) { try $0.logCase(input) }
                    return Responses.redirect(to: "/cases/\(change.state.id.rawValue)")
                } catch let failure as WebFailure where failure.status == .unprocessableContent {
                    return newCaseForm(app, user, fields: fields, error: failure.message)
                }
            }
        }
        router.get("/cases/:id") { request, context in
            try await app.page(request, context) { user in
                try await casePage(app, user, id: try caseID(context), error: nil, status: .ok)
            }
        }
    }

    /// The case id of the path, or 404.
    static func caseID(_ context: WebContext) throws -> CaseID {
        guard let text = context.parameters.get("id"), let id = CaseID(text), id != .tracker else {
            throw WebFailure.notFound
        }
        return id
    }

    /// The case page, perhaps with the reason a step was refused (422).
    static func casePage(
        _ app: WebApp, _ user: SignedIn, id: CaseID, error: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        let (detail, accounts) = try await app.run(user) { session in
            let detail = try session.caseDetail(id)
            let accounts = session.access.allows(.assignCase) ? try session.staffAccounts() : []
            return (detail, accounts)
        }
        let views = Views(language: user.language, zone: detail.engine.zone)
        let page = CasePage(
            detail: detail, views: views, assignees: accounts.filter(\.enabled).map(\.login))
        var values = app.frame(user, title: "\(PageTexts.words(user.language)["case"]!) \(id.rawValue)")
        values["case"] = page.values()
        values["canAssign"] = user.session.access.allows(.assignCase)
        values["canReopen"] = user.session.access.allows(.reopenCase)
        if let error {
            values["hasErrors"] = true
            values["errors"] = [["field": "steps", "message": error]]
        }
        return app.render("case", values, status: status)
    }

    /// The new-request form, refilled with what was typed when it was refused.
    static func newCaseForm(_ app: WebApp, _ user: SignedIn, fields: FormFields, error: String?) -> Response {
        let language = user.language
        let chosenKinds = Set(fields.all("kind"))
        var values = app.frame(user, title: PageTexts.words(language)["newCase"]!)
        values["kindChoices"] = RequestKind.allCases.map {
            ["value": $0.rawValue, "label": $0.label(language), "checked": chosenKinds.contains($0.rawValue)]
        }
        let channel = fields["channel"] ?? Channel.email.rawValue
        values["channelChoices"] = Channel.allCases.map {
            ["value": $0.rawValue, "label": $0.label(language), "selected": $0.rawValue == channel]
        }
        values["form"] = [
            "received": fields["received"] ?? "", "subject": fields["subject"] ?? "",
            "contact": fields["contact"] ?? "",
            "reference": fields["reference"] ?? "", "note": fields["note"] ?? "", "due": fields["due"] ?? "",
        ]
        if let error {
            values["hasErrors"] = true
            values["errors"] = [["field": field(of: error), "message": error]]
        }
        return app.render("case-new", values, status: error == nil ? .ok : .unprocessableContent)
    }

    /// The field a refusal of the new-request form is about, for the error summary's link.
    private static func field(of message: String) -> String {
        if message.contains("name") { return "subject" }
        if message.contains("contact") { return "contact" }
        if message.contains("receipt") || message.contains("moment") || message.contains("date") { return "received" }
        if message.contains("request") || message.contains("kind") { return "kind-access" }
        return "subject"
    }

    /// The request the form describes, checked as far as the form can tell.
    static func caseInput(_ fields: FormFields, session: Session) throws -> CaseInput {
        do {
            let kinds = try RequestKindList.parse(fields.all("kind"))
            guard !kinds.isEmpty else { throw AppError(.badInput, "choose at least one request (kind)") }
            guard let channel = fields.text("channel").flatMap(Channel.init(rawValue:)) else {
                throw AppError(.badInput, "choose the channel the request came by")
            }
            let received = try session.moment(fields.text("received"))
            let due = try fields.text("due").map(CivilDateInput.parse)
            var personal: [PersonalField: String] = [:]
            personal[.subject] = fields.text("subject")
            personal[.contact] = fields.text("contact")
            personal[.reference] = fields.text("reference")
            personal[.note] = fields.text("note")
            return CaseInput(kinds: kinds, channel: channel, received: received, claimantDue: due, personal: personal)
        } catch {
            throw WebFailure(input: error)
        }
    }
}
