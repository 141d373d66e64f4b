import DSRApp
import DSRCore
import Foundation
import HTTPTypes
import Hummingbird

/// Everyone's tools: the deadline calculator and the account page (password, language).
enum ToolRoutes {
    static func add(to router: Router<WebContext>, app: WebApp) {
        router.get("/deadline") { request, context in
            try await app.page(request, context) { user in
                let query = FormFields(query: request)
                return try await deadlinePage(app, user, query)
            }
        }
        router.get("/account") { request, context in
            try await app.page(request, context) { user in accountPage(app, user, error: nil, notice: nil) }
        }
        router.post("/account/password") { request, context in
            try await app.form(request, context) { user, fields in
                guard let new = fields["new_password"], new == fields["repeat_password"] else {
                    return accountPage(app, user, error: ("new_password", "the two new passwords differ"), notice: nil)
                }
                let current = fields["current_password"] ?? ""
                do {
                    try await app.run(user) { try $0.changeOwnPassword(current: current, new: new) }
                } catch let failure as WebFailure where failure.status == .unprocessableContent {
                    let field = failure.message.contains("current") ? "current_password" : "new_password"
                    return accountPage(app, user, error: (field, failure.message), notice: nil)
                }
                return accountPage(app, user, error: nil, notice: PageTexts.words(user.language)["saved"])
            }
        }
        router.post("/account/second-factor") { request, context in
            try await app.form(request, context) { user, _ in
                let setup = try await app.run(user) { try $0.beginSecondFactor() }
                return accountPage(app, user, error: nil, notice: nil, setup: setup)
            }
        }
        for (path, change) in [
            ("confirm", { @Sendable (session: Session, code: String) in try session.confirmSecondFactor(code: code) }),
            ("remove", { @Sendable (session: Session, code: String) in try session.removeSecondFactor(code: code) }),
        ] {
            router.post("/account/second-factor/\(path)") { request, context in
                try await app.form(request, context) { user, fields in
                    let code = fields["code"] ?? ""
                    do {
                        try await app.run(user) { try change($0, code) }
                    } catch let failure as WebFailure where failure.status == .unprocessableContent {
                        return accountPage(app, user, error: ("second-factor-title", failure.message), notice: nil)
                    }
                    return Responses.redirect(to: "/account")
                }
            }
        }
        router.post("/account/language") { request, context in
            try await app.form(request, context) { user, fields in
                guard let language = fields.text("language").flatMap(Language.init(rawValue:)) else {
                    throw WebFailure.badForm
                }
                try await app.run(user) { try $0.setLanguage(language) }
                return Responses.redirect(to: "/account")
            }
        }
    }

    static func deadlinePage(_ app: WebApp, _ user: SignedIn, _ query: FormFields) async throws -> Response {
        let language = user.language
        let t = PageTexts.words(language)
        let kind = query.text("kind").flatMap(RequestKind.init(rawValue:)) ?? .access
        var values = app.frame(user, title: t["deadline"]!)
        values["kindChoices"] = RequestKind.allCases.map {
            ["value": $0.rawValue, "label": $0.label(language), "selected": $0 == kind]
        }
        values["form"] = ["received": query["received"] ?? "", "due": query["due"] ?? ""]
        guard query["received"] != nil else { return app.render("deadline", values) }
        do {
            let received = try user.session.moment(query.text("received"))
            let due = try query.text("due").map(CivilDateInput.parse)
            let schedule = try await app.run(user) {
                try $0.calculateDeadline(kind: kind, received: received, claimantDue: due)
            }
            let views = Views(language: language, zone: app.tracker.engine.zone)
            let explanation = DeadlineExplanation(engine: app.tracker.engine, format: views.format)
            var result: [String: Any] = [
                "received": views.instant(schedule.received), "receiptDate": views.date(schedule.receiptDate),
                "officeReceipt": views.instant(schedule.officeReceipt), "deadline": views.date(schedule.deadline),
                "deadlineEnd": views.instant(schedule.deadlineEnd), "internalDue": views.instant(schedule.internalDue),
                "rule": explanation.rule(for: kind),
            ]
            if let moved = explanation.roll(schedule) { result["moved"] = moved }
            if let extended = schedule.extendedDeadline { result["extensionUntil"] = views.date(extended) }
            values["result"] = result
            return app.render("deadline", values)
        } catch {
            let failure = WebFailure(input: error)
            guard failure.status == .unprocessableContent else { throw failure }
            values["hasErrors"] = true
            values["errors"] = [["field": "received", "message": failure.message]]
            return app.render("deadline", values, status: .unprocessableContent)
        }
    }

    static func accountPage(
        _ app: WebApp, _ user: SignedIn, error: (field: String, message: String)?, notice: String?,
        calendarURL: String? = nil, setup: SecondFactorSetup? = nil
    ) -> Response {
        let t = PageTexts.words(user.language)
        var values = app.frame(user, title: t["account"]!)
        values["languageChoices"] = [("de", "Deutsch"), ("en", "English")].map {
            ["value": $0.0, "label": $0.1, "selected": $0.0 == user.language.rawValue]
        }
        if let error {
            values["hasErrors"] = true
            values["errors"] = [["field": error.field, "message": error.message]]
        }
        if let notice { values["notice"] = notice }
        if let calendarURL { values["calendarURL"] = calendarURL }
        values["secondFactor"] = user.secondFactor
        values["mustSetUpSecondFactor"] = app.settings.requireSecondFactor && !user.secondFactor
        if let setup { values["setup"] = ["secret": setup.secret, "address": setup.address] }
        return app.render("account", values, status: error == nil ? .ok : .unprocessableContent)
    }
}
