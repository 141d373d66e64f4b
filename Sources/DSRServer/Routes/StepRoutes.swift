import DSRApp
import DSRCore
import Foundation
import HTTPTypes
import Hummingbird

/// `POST /cases/{id}/steps/{step}`: each step of the case page's forms. A step that makes no
/// sense for the case as it stands gets the case page again with the reason (422).
enum StepRoutes {
    static func add(to router: Router<WebContext>, app: WebApp) {
        router.post("/cases/:id/steps/:step") { request, context in
            try await app.form(request, context) { user, fields in
                let id = try CaseRoutes.caseID(context)
                guard let name = context.parameters.get("step"), let parse = steps[name] else {
                    throw WebFailure.notFound
                }
                do {
                    let step = try parse(fields, user.session)
                    let at = try fields.text("at").map { try user.session.instant($0) }
                    _ = try await app.run(user) { try $0.record(step, on: id, at: at) }
                    return Responses.redirect(to: "/cases/\(id.rawValue)")
                } catch let failure as WebFailure where failure.status == .unprocessableContent {
                    return try await CaseRoutes.casePage(
                        app, user, id: id, error: failure.message, status: .unprocessableContent)
                } catch let error as AppError where WebFailure(error).status == .unprocessableContent {
                    return try await CaseRoutes.casePage(
                        app, user, id: id, error: error.message, status: .unprocessableContent)
                }
            }
        }
    }

    /// Each step's name in the path and how its fields make the step.
    static let steps: [String: @Sendable (FormFields, Session) throws -> Step] = [
        "ack": { _, _ in .acknowledge },
        "identity-request": { _, _ in .requestIdentity },
        "identity-confirm": { _, _ in .confirmIdentity },
        "clarify-request": { _, _ in .requestClarification },
        "clarify-receive": { _, _ in .receiveClarification },
        "extend": { fields, session in
            guard let reason = fields.text("reason") else {
                throw WebFailure(status: .unprocessableContent, message: "an extension needs its reasons")
            }
            return .extend(reason: reason, notifiedAt: try fields.text("notified").map(session.instant))
        },
        "forward": { fields, _ in
            guard let to = fields.text("to") else {
                throw WebFailure(status: .unprocessableContent, message: "name the joint controller to forward to")
            }
            return .forward(to: to)
        },
        "notify-recipients": { _, _ in .notifyRecipients },
        "answer": { fields, _ in
            guard let kind = fields.text("kind").flatMap(RequestKind.init(rawValue:)) else {
                throw WebFailure(status: .unprocessableContent, message: "choose the request the answer is for")
            }
            guard let outcome = fields.text("outcome").flatMap(Outcome.init(rawValue:)) else {
                throw WebFailure(status: .unprocessableContent, message: "choose the outcome of the answer")
            }
            return .answer(kind: kind, outcome: outcome, basis: fields.text("basis"))
        },
        "reply-route": { fields, _ in
            let via = try fields.text("via").map { text in
                guard let channel = Channel(rawValue: text) else {
                    throw WebFailure(status: .unprocessableContent, message: "unknown reply route")
                }
                return channel
            }
            return .replyRoute(via: via, contact: fields.text("contact"))
        },
        "assign": { fields, _ in
            guard let to = fields.text("to") else {
                throw WebFailure(status: .unprocessableContent, message: "choose whom to assign the case to")
            }
            return .assign(to: to)
        },
        "note": { fields, _ in
            guard let text = fields.text("text") else {
                throw WebFailure(status: .unprocessableContent, message: "the note is empty")
            }
            return .note(text)
        },
        "withdraw": { _, _ in .withdraw },
        "close": { _, _ in .close },
        "reopen": { _, _ in .reopen },
    ]
}
