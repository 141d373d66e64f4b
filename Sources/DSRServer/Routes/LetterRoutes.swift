import DSRApp
import DSRCore
import DSRReports
import Foundation
import HTTPTypes
import Hummingbird

/// Letters from the case page: pick a template, fill its placeholders, preview, then download
/// it as text or HTML (a reply through a social network: plain text to copy into the
/// message), recorded as `letter-produced` at that moment.
enum LetterRoutes {
    static func add(to router: Router<WebContext>, app: WebApp) {
        router.get("/cases/:id/letter") { request, context in
            try await app.page(request, context) { user in
                let id = try CaseRoutes.caseID(context)
                let query = FormFields(query: request)
                return try await letterPage(app, user, id: id, fields: query, preview: nil, error: nil)
            }
        }
        router.post("/cases/:id/letter") { request, context in
            try await app.form(request, context) { user, fields in
                let id = try CaseRoutes.caseID(context)
                let letter = try letterRequest(id, fields, user: user)
                do {
                    if fields["action"] == "preview" {
                        let text = try await app.run(user) { try $0.previewLetter(letter, templates: app.letters) }
                        return try await letterPage(app, user, id: id, fields: fields, preview: text, error: nil)
                    }
                    let text = try await app.run(user) { session in
                        try session.produceLetter(letter, templates: app.letters) { _ in }
                    }
                    let name = "brief-\(id.rawValue)-\(letter.template).\(letter.html ? "html" : "txt")"
                    return Responses.download(
                        ByteBuffer(string: text), fileName: name,
                        contentType: letter.html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8")
                } catch let failure as WebFailure where failure.status == .unprocessableContent {
                    return try await letterPage(app, user, id: id, fields: fields, preview: nil, error: failure.message)
                }
            }
        }
    }

    /// The letter the form asks for.
    static func letterRequest(_ id: CaseID, _ fields: FormFields, user: SignedIn) throws -> LetterRequest {
        guard let template = fields.text("template") else {
            throw WebFailure(status: .unprocessableContent, message: "choose a letter template")
        }
        var fills: [String: String] = [:]
        for (name, value) in fields.pairs where name.hasPrefix("fill.") { fills[String(name.dropFirst(5))] = value }
        let language = fields.text("language").flatMap(Language.init(rawValue:)) ?? user.language
        return LetterRequest(
            caseID: id, template: template, html: fields["format"] == "html", language: language, fills: fills)
    }

    static func letterPage(
        _ app: WebApp, _ user: SignedIn, id: CaseID, fields: FormFields, preview: String?, error: String?
    ) async throws -> Response {
        let detail = try await app.run(user) { try $0.caseDetail(id) }
        let t = PageTexts.words(user.language)
        let chosen = fields.text("template")
        let language = fields.text("language") ?? user.language.rawValue
        var values = app.frame(user, title: "\(t["letter"]!) – \(t["case"]!) \(id.rawValue)")
        values["id"] = id.rawValue
        values["templateChoices"] = app.letters.letters.map {
            ["value": $0.name, "label": $0.name, "selected": $0.name == chosen]
        }
        values["languageChoices"] = [("de", "Deutsch"), ("en", "English")].map {
            ["value": $0.0, "label": $0.1, "selected": $0.0 == language]
        }
        let route = detail.state.replyRoute ?? detail.state.channel
        values["social"] = route.isSocialNetwork
        values["route"] = route.label(user.language)
        values["html"] = fields["format"] == "html"
        if let chosen, let keys = try? app.letters.placeholders(of: chosen, language: language) {
            values["chosen"] = chosen
            values["placeholders"] = keys.map { ["key": $0, "value": fields["fill.\($0)"] ?? ""] }
        }
        if let preview { values["preview"] = preview }
        if let error {
            values["hasErrors"] = true
            values["errors"] = [["field": "template", "message": error]]
        }
        return app.render("letter", values, status: error == nil ? .ok : .unprocessableContent)
    }
}
