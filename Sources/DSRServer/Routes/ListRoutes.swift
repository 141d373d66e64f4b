import DSRApp
import DSRCore
import Foundation
import HTTPTypes
import Hummingbird

/// The start page ("what is overdue, what is at risk, who has it") and the case list with
/// its filters, sorting, paging and search.
enum ListRoutes {
    /// Rows a list page shows.
    static let pageSize = 50
    /// Rows each group of the start page shows; the rest are a link to the full list away.
    static let startGroupSize = 20

    static func add(to router: Router<WebContext>, app: WebApp) {
        router.get("/") { request, context in
            try await app.page(request, context) { user in
                try await app.cachedPage(request, user) { try await startPage(app, user) }
            }
        }
        router.get("/cases") { request, context in
            try await app.page(request, context) { user in
                try await app.cachedPage(request, user) {
                    try await caseList(app, user, filters: FormFields(query: request))
                }
            }
        }
        router.post("/duties/done") { request, context in
            try await app.form(request, context) { user, fields in
                guard let duty = fields.text("duty"), let channel = fields.text("channel") else {
                    throw WebFailure.badForm
                }
                let link = fields.text("link")
                try await app.run(user) { try $0.recordDutyDone(duty: duty, channel: channel, link: link) }
                return Responses.redirect(to: "/#duties-title")
            }
        }
        // A search by name is a POST, so the name never appears in a URL or a log.
        router.post("/cases/search") { request, context in
            try await app.form(request, context) { user, fields in
                Responses.page(try await caseList(app, user, filters: fields))
            }
        }
    }

    static func startPage(_ app: WebApp, _ user: SignedIn) async throws -> String {
        let (entries, duties, staff) = try await app.run(user) { session in
            (
                try session.overdueCases(at: session.now), try session.dutyStatuses(),
                session.access.allows(.assignCase) ? try session.staffAccounts().filter(\.enabled).map(\.login) : []
            )
        }
        let views = Views(language: user.language, zone: app.tracker.engine.zone)
        let t = PageTexts.words(user.language)
        func group(_ key: String, _ title: String, _ rows: [CaseEntry]) -> [String: Any] {
            [
                "key": key, "title": title, "count": rows.count, "rows": rows.prefix(startGroupSize).map(views.row),
                "more": rows.count > startGroupSize && CaseStatus(rawValue: key) != nil, "hasRows": !rows.isEmpty,
            ]
        }
        let overdue = entries.filter { $0.status == .overdue }
        let atRisk = entries.filter { $0.status == .atRisk }
        let paused = entries.filter { $0.status == .paused }
        let ackOwed = entries.filter { $0.acknowledgement != nil }
        let rest = entries.filter { $0.status == .open }
        var perAssignee: [String: Int] = [:]
        for entry in entries { perAssignee[entry.summary.assignee ?? "", default: 0] += 1 }
        var values = app.frame(user, title: t["start"]!)
        values["groups"] = [
            group("overdue", t["overdue"]!, overdue), group("at-risk", t["atRisk"]!, atRisk),
            group("paused", t["paused"]!, paused), group("ack-due", t["ackOwed"]!, ackOwed),
            group("open", t["byDue"]!, rest),
        ]
        values["assignees"] = perAssignee.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
            ["name": $0.key.isEmpty ? t["nobody"]! : $0.key, "count": $0.value]
        }
        values["duties"] = duties.map {
            [
                "id": $0.duty.id, "name": $0.duty.name, "channel": $0.channel, "due": views.date($0.nextDue),
                "overdue": $0.isOverdue,
            ]
        }
        values["hasDuties"] = !duties.isEmpty
        values["staff"] = staff
        return app.pages.render("start", values)
    }

    /// The case list for filters (query or search form), sorted and paged.
    static func caseList(_ app: WebApp, _ user: SignedIn, filters: FormFields) async throws -> String {
        var query = CaseQuery()
        do {
            query.status = try filters.text("status").map { text in
                guard let status = CaseStatus(rawValue: text) else {
                    throw WebFailure(status: .badRequest, message: "unknown status")
                }
                return status
            }
            query.kind = try filters.text("kind").map { text in
                guard let kind = try RequestKindList.parse(text).first else {
                    throw WebFailure(status: .badRequest, message: "unknown kind")
                }
                return kind
            }
            query.channel = try filters.text("channel").map { text in
                guard let channel = Channel(rawValue: text) else {
                    throw WebFailure(status: .badRequest, message: "unknown channel")
                }
                return channel
            }
            query.assignee = filters.text("assignee")
            query.receivedFrom = try filters.text("from").map(user.session.instant)
            query.receivedTo = try filters.text("to").map {
                Instant(secondsSinceEpoch: try user.session.instant($0).secondsSinceEpoch + 86_400)
            }
        } catch {
            throw WebFailure(status: .badRequest, message: WebFailure(input: error).message)
        }
        let search = filters.text("q")
        let selection = query
        var entries = try await app.run(user) { session in
            guard let search else { return try session.listCases(selection) }
            if let id = CaseID(search) { return try session.listCases(selection).filter { $0.summary.caseID == id } }
            return try session.access.allows(.findPerson) ? session.findCases(subjectContaining: search) : []
        }
        let sort = filters.text("sort") ?? "received"
        switch sort {
        case "due": entries.sort { $0.summary.internalDue < $1.summary.internalDue }
        case "id": entries.sort { ($0.summary.year, $0.summary.number) < ($1.summary.year, $1.summary.number) }
        default: break
        }
        let pages = max(1, (entries.count + pageSize - 1) / pageSize)
        let page = min(max(1, filters.text("page").flatMap(Int.init) ?? 1), pages)
        let views = Views(language: user.language, zone: app.tracker.engine.zone)
        let t = PageTexts.words(user.language)
        var values = app.frame(user, title: t["cases"]! + (page > 1 ? " – \(t["page"]!) \(page)" : ""))
        values["rows"] = entries.dropFirst((page - 1) * pageSize).prefix(pageSize).map(views.row)
        values["count"] = entries.count
        values["caption"] = t["cases"]! + " – \(t["page"]!) \(page)"
        values["page"] = page
        values["pages"] = pages
        let kept = ["status", "kind", "channel", "assignee", "from", "to", "sort"].compactMap { name in
            filters.text(name).map { (name, $0) }
        }
        if search == nil {
            func link(_ page: Int) -> String {
                "/cases?"
                    + (kept + [("page", "\(page)")]).map {
                        "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                    }.joined(separator: "&")
            }
            if page > 1 { values["previous"] = link(page - 1) }
            if page < pages { values["next"] = link(page + 1) }
        }
        values["statusChoices"] = CaseStatus.allCases.map {
            ["value": $0.rawValue, "label": $0.label(user.language), "selected": $0 == query.status]
        }
        values["kindChoices"] = RequestKind.allCases.map {
            ["value": $0.rawValue, "label": $0.label(user.language), "selected": $0 == query.kind]
        }
        values["channelChoices"] = Channel.allCases.map {
            ["value": $0.rawValue, "label": $0.label(user.language), "selected": $0 == query.channel]
        }
        values["sortChoices"] = [("received", t["received"]!), ("due", t["internalDue"]!), ("id", t["case"]!)].map {
            ["value": $0.0, "label": $0.1, "selected": $0.0 == sort]
        }
        values["filter"] = [
            "assignee": query.assignee ?? "", "from": filters.text("from") ?? "", "to": filters.text("to") ?? "",
        ]
        values["canSearchNames"] = user.session.access.allows(.findPerson)
        return app.pages.render("cases", values)
    }
}
