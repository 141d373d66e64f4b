import DSRApp
import DSRCore
import DSRLedger
import Foundation
import HTTPTypes
import Hummingbird

/// The inbox ("Eingang"): the messages taken in, an item with its evidence of receipt, making
/// it a case or dismissing it, and the upload of `.eml` files saved from the mail program.
enum InboxRoutes {
    static func add(to router: Router<WebContext>, app: WebApp) {
        router.get("/inbox") { request, context in
            try await app.page(request, context) { user in try await inboxPage(app, user, error: nil) }
        }
        router.post("/inbox/upload") { request, context in
            try await app.upload(request, context) { user, form in
                guard let file = form.files.first(where: { $0.field == "message" }), !file.bytes.isEmpty else {
                    return try await inboxPage(
                        app, user, error: user.language.pick("Wählen Sie eine .eml-Datei.", "Choose an .eml file."))
                }
                let bytes = file.bytes
                let outcome = try await app.run(user) { try $0.takeIn(message: bytes, origin: .upload) }
                switch outcome {
                case .taken(let item), .duplicate(let item): return Responses.redirect(to: "/inbox/\(item.id)")
                case .refused(let reason): return try await inboxPage(app, user, error: reason)
                }
            }
        }
        router.get("/inbox/:item") { request, context in
            try await app.page(request, context) { user in
                try await itemPage(app, user, id: try itemID(context), fields: nil, error: nil)
            }
        }
        router.post("/inbox/:item/case") { request, context in
            try await app.form(request, context) { user, fields in
                let id = try itemID(context)
                do {
                    let request = try caseRequest(fields, session: user.session)
                    let change = try await app.run(user) { try $0.openCase(fromItem: id, request) }
                    return Responses.redirect(to: "/cases/\(change.state.id.rawValue)")
                } catch let failure as WebFailure where failure.status == .unprocessableContent {
                    return try await itemPage(app, user, id: id, fields: fields, error: failure.message)
                }
            }
        }
        router.post("/inbox/:item/dismiss") { request, context in
            try await app.form(request, context) { user, fields in
                let id = try itemID(context)
                let reason = fields.text("reason") ?? ""
                do {
                    _ = try await app.run(user) { try $0.dismiss(item: id, reason: reason) }
                    return Responses.redirect(to: "/inbox")
                } catch let failure as WebFailure where failure.status == .unprocessableContent {
                    return try await itemPage(app, user, id: id, fields: fields, error: failure.message)
                }
            }
        }
    }

    /// The item number of the path, or 404.
    static func itemID(_ context: WebContext) throws -> Int {
        guard let text = context.parameters.get("item"), text.utf8.count <= 9, let id = Int(text), id > 0 else {
            throw WebFailure.notFound
        }
        return id
    }

    /// The inbox: new items first (oldest first, as they are worked through), then the 50
    /// settled most recently; perhaps with why an upload was refused (422).
    static func inboxPage(_ app: WebApp, _ user: SignedIn, error: String?) async throws -> Response {
        let (fresh, settled) = try await app.run(user) { session in
            (
                try session.inbox(InboxFilter(states: [.new], limit: 500)),
                try session.inbox(InboxFilter(states: [.caseOpened, .dismissed, .unreadable], limit: 50))
            )
        }
        let views = InboxViews(views: Views(language: user.language, zone: app.tracker.engine.zone))
        let t = PageTexts.words(user.language)
        var values = app.frame(user, title: t["inbox"]!)
        values["freshCount"] = fresh.count
        if !fresh.isEmpty {
            values["freshTable"] = ["caption": t["inboxNew"]!, "rows": fresh.reversed().map(views.row)]
        }
        if !settled.isEmpty {
            values["settledTable"] = ["caption": t["inboxSettled"]!, "rows": settled.map(views.row)]
        }
        if let error {
            values["hasErrors"] = true
            values["errors"] = [["field": "message", "message": error]]
        }
        return app.render("inbox", values, status: error == nil ? .ok : .unprocessableContent)
    }

    /// An item with its message, evidence and the two forms; refilled after a refusal (422).
    static func itemPage(
        _ app: WebApp, _ user: SignedIn, id: Int, fields: FormFields?, error: String?
    ) async throws -> Response {
        let detail = try await app.run(user) { try $0.inboxItem(id) }
        let language = user.language
        let views = InboxViews(views: Views(language: language, zone: app.tracker.engine.zone))
        let item = detail.item
        let prefill = detail.prefill
        var values = app.frame(user, title: PageTexts.words(language)["item"]! + " \(id)")
        var page: [String: Any] = [
            "id": id, "state": item.state.label(language), "isNew": item.state == .new,
            "sender": views.text(detail.senderName), "address": views.text(detail.senderAddress),
            "subject": views.text(detail.subject), "messageID": views.text(detail.messageID),
            "takenAt": views.views.instant(item.takenAt), "origin": item.origin.rawValue,
            "sha256": item.sha256, "size": item.size, "duplicates": item.duplicates,
            "flags": detail.mailFlags.map(views.flag), "doubts": detail.doubts.map { views.flag($0.rawValue) },
            "candidates": views.candidates(detail.candidates, chosen: item.receivedAt != nil),
        ]
        page["hasDuplicates"] = item.duplicates > 0
        page["hasFlags"] = !detail.mailFlags.isEmpty
        page["hasDoubts"] = !detail.doubts.isEmpty
        if let failure = item.failure { page["failure"] = failure }
        if let caseID = item.caseID { page["caseID"] = caseID.rawValue }
        if let document = detail.document {
            page["headers"] = document.headers.map { ["name": $0.name, "value": $0.value] }
            page["text"] = document.text
            page["hasHeaders"] = !document.headers.isEmpty
            page["hasAttachments"] = !document.attachments.isEmpty
            page["hasForwarded"] = !document.forwarded.isEmpty
            page["attachments"] = document.attachments.map {
                ["name": $0.filename ?? "–", "type": $0.contentType, "size": $0.size, "sha256": $0.sha256]
                    as [String: Any]
            }
            page["forwarded"] = document.forwarded.map { forwarded -> [String: Any] in
                var row: [String: Any] = [
                    "from": forwarded.from?.address ?? "–", "subject": forwarded.subject ?? "–",
                    "received": forwarded.receivedByOwnHosts.map(views.views.instant),
                ]
                if let date = forwarded.date { row["date"] = views.views.instant(date) }
                return row
            }
        }
        let chosenKinds = Set(fields?.all("kind") ?? [])
        page["kindChoices"] = RequestKind.allCases.map {
            ["value": $0.rawValue, "label": $0.label(language), "checked": chosenKinds.contains($0.rawValue)]
        }
        let choice = fields?["receipt"] ?? "0"
        page["receiptChoices"] = views.candidates(detail.candidates, chosen: false).map { row in
            row.merging(["checked": "\(row["index"]!)" == choice]) { $1 }
        }
        page["otherChecked"] = choice == "other" || detail.candidates.isEmpty
        page["form"] = [
            "subject": fields?["subject"] ?? prefill[.subject] ?? "",
            "contact": fields?["contact"] ?? prefill[.contact] ?? "",
            "reference": fields?["reference"] ?? prefill[.reference] ?? "",
            "note": fields?["note"] ?? prefill[.note] ?? "", "due": fields?["due"] ?? "",
            "receivedOther": fields?["receivedOther"] ?? "", "receiptReason": fields?["receiptReason"] ?? "",
            "reason": fields?["reason"] ?? language.pick("keine Betroffenenanfrage", "no data-subject request"),
        ]
        values["item"] = page
        if let error {
            values["hasErrors"] = true
            values["errors"] = [["field": "kind-access", "message": error]]
        }
        return app.render("inbox-item", values, status: error == nil ? .ok : .unprocessableContent)
    }

    /// The case the form describes: kinds, the moment of receipt chosen, the person's data.
    static func caseRequest(_ fields: FormFields, session: Session) throws -> CaseFromItem {
        do {
            let kinds = try RequestKindList.parse(fields.all("kind"))
            guard !kinds.isEmpty else { throw AppError(.badInput, "choose at least one request (kind)") }
            let receipt: ReceiptChoice
            switch fields.text("receipt") ?? "0" {
            case "0" where fields.text("receiptReason") == nil: receipt = .asRead
            case "other":
                guard let text = fields.text("receivedOther") else {
                    throw AppError(.badInput, "state the other moment of receipt")
                }
                receipt = .stated(try session.instant(text), reason: fields.text("receiptReason") ?? "")
            case let number:
                guard let index = Int(number), index >= 0 else {
                    throw AppError(.badInput, "choose a moment of receipt")
                }
                receipt = .candidate(index, reason: fields.text("receiptReason") ?? "")
            }
            var personal: [PersonalField: String] = [:]
            personal[.subject] = fields.text("subject")
            personal[.contact] = fields.text("contact")
            personal[.reference] = fields.text("reference")
            personal[.note] = fields.text("note")
            return CaseFromItem(
                kinds: kinds, receipt: receipt, claimantDue: try fields.text("due").map(CivilDateInput.parse),
                personal: personal)
        } catch {
            throw WebFailure(input: error)
        }
    }
}
