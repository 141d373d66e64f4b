import DSRApp
import DSRCore
import DSRLedger
import Foundation
import HTTPTypes
import Hummingbird

/// The data protection officer's pages (and the supervisor's reports without personal
/// data): reports to download, the chain's verification, purging after retention.
enum DPORoutes {
    static func add(to router: Router<WebContext>, app: WebApp) {
        router.get("/reports") { request, context in
            try await app.page(request, context) { user in
                try user.requirePage(.exportReport)
                return reportsPage(app, user, error: nil)
            }
        }
        router.post("/reports") { request, context in
            try await app.form(request, context) { user, fields in
                do {
                    return try await report(app, user, fields)
                } catch let failure as WebFailure where failure.status == .unprocessableContent {
                    return reportsPage(app, user, error: failure.message)
                }
            }
        }
        router.get("/verify") { request, context in
            try await app.page(request, context) { user in
                let report = try await app.run(user) { try $0.verify() }
                let t = PageTexts.words(user.language)
                var values = app.frame(user, title: t["verify"]!)
                values["intact"] = report.isIntact
                values["events"] = report.events
                values["head"] = report.head
                values["problem"] = report.problem.map { "\($0)" } ?? ""
                return app.render("verify", values)
            }
        }
        router.get("/purge") { request, context in
            try await app.page(request, context) { user in
                let candidates = try await app.run(user) { try $0.purge(dryRun: true) }
                return purgePage(app, user, candidates: candidates, done: false)
            }
        }
        router.post("/purge") { request, context in
            try await app.form(request, context) { user, _ in
                let purged = try await app.run(user) { try $0.purge(dryRun: false) }
                return purgePage(app, user, candidates: purged, done: true)
            }
        }
    }

    static func reportsPage(_ app: WebApp, _ user: SignedIn, error: String?) -> Response {
        let t = PageTexts.words(user.language)
        var values = app.frame(user, title: t["reports"]!)
        values["formats"] = ReportFormat.allCases.map { ["value": $0.rawValue, "label": $0.rawValue.uppercased()] }
        values["mayExportPersonalData"] = user.session.access.allows(.exportPersonalData)
        if let error {
            values["hasErrors"] = true
            values["errors"] = [["field": "format", "message": error]]
        }
        return app.render("reports", values, status: error == nil ? .ok : .unprocessableContent)
    }

    /// Writes the report to a private temporary file, answers it as a download, removes the file.
    static func report(_ app: WebApp, _ user: SignedIn, _ fields: FormFields) async throws -> Response {
        guard let format = fields.text("format").flatMap(ReportFormat.init(rawValue:)) else {
            throw WebFailure(status: .unprocessableContent, message: "choose a format: xml, html, csv or ics")
        }
        let request: ReportRequest
        do {
            request = ReportRequest(
                format: format, from: try fields.text("from").map(CivilDateInput.parse),
                to: try fields.text("to").map(CivilDateInput.parse),
                includePersonalData: ["on", "1", "true", "yes"].contains(fields.text("personal_data") ?? ""),
                language: user.language)
        } catch {
            throw WebFailure(input: error)
        }
        let bytes = try await ScratchFile.bytes { path in try await app.run(user) { try $0.export(request, to: path) } }
        let types: [ReportFormat: String] = [
            .xml: "application/xml", .html: "text/html; charset=utf-8", .csv: "text/csv; charset=utf-8",
            .ics: "text/calendar; charset=utf-8",
        ]
        let zone = app.tracker.engine.zone
        let day = ISOFormat.date(CivilDate(dayNumber: zone.localDayNumber(at: user.session.now)))
        return Responses.download(
            bytes, fileName: "dsr-report-\(day).\(format.rawValue)", contentType: types[format]!)
    }

    static func purgePage(_ app: WebApp, _ user: SignedIn, candidates: [PurgeCandidate], done: Bool) -> Response {
        let t = PageTexts.words(user.language)
        let views = Views(language: user.language, zone: app.tracker.engine.zone)
        var values = app.frame(user, title: t["purge"]!)
        values["rows"] = candidates.map {
            ["id": $0.caseID.rawValue, "until": views.date($0.retainedUntil), "records": $0.records]
        }
        values["hasRows"] = !candidates.isEmpty
        values["done"] = done
        return app.render("purge", values)
    }
}

extension SignedIn {
    /// Refuses a page the user's role does not reach (403).
    func requirePage(_ action: Action) throws {
        guard session.access.allows(action) else {
            throw WebFailure(status: .forbidden, message: "this page needs a higher role")
        }
    }
}
