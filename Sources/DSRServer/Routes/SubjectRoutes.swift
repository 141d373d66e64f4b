import DSRApp
import DSRCore
import HTTPTypes
import Hummingbird

/// The DPO's subject export (Art. 15 GDPR for the tracker's own data): everything the
/// tracker holds about a person, found by name, as a printable page. The name is posted,
/// never put in a URL.
enum SubjectRoutes {
    static func add(to router: Router<WebContext>, app: WebApp) {
        router.get("/subject") { request, context in
            try await app.page(request, context) { user in
                try user.requirePage(.exportSubject)
                return subjectPage(app, user, name: nil, details: [])
            }
        }
        router.post("/subject") { request, context in
            try await app.form(request, context) { user, fields in
                guard let name = fields.text("name") else {
                    throw WebFailure(status: .unprocessableContent, message: "give the person's name")
                }
                let details = try await app.run(user) { try $0.subjectExport(nameContaining: name) }
                return subjectPage(app, user, name: name, details: details)
            }
        }
    }

    static func subjectPage(_ app: WebApp, _ user: SignedIn, name: String?, details: [CaseDetail]) -> Response {
        let t = PageTexts.words(user.language)
        var values = app.frame(user, title: t["subjectExport"]!)
        values["searched"] = name != nil
        values["name"] = name ?? ""
        values["count"] = details.count
        values["cases"] = details.map { detail in
            CasePage(
                detail: detail, views: Views(language: user.language, zone: detail.engine.zone),
                assignees: []
            ).values()
        }
        return app.render("subject", values)
    }
}
