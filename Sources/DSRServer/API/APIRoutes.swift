import DSRApp
import DSRCore
import DSRLedger
import Foundation
import HTTPTypes
import Hummingbird

/// The JSON API under `/api/v1` for other systems (a web form, the mail server, a
/// citizen-service system); documented in `Web/openapi.json`, served at `/api/v1/openapi.json`.
enum APIRoutes {
    /// Adds the API's routes, and 405 for the other methods on its paths.
    static func add(to router: Router<WebContext>, app: WebApp) {
        router.get("/api/v1/openapi.json") { _, _ in openAPIDocument }
        router.post("/api/v1/messages") { request, context in
            await app.api(request, context) { session in try await takeIn(request, session, app) }
        }
        router.post("/api/v1/cases") { request, context in
            await app.api(request, context) { session in
                let input = try caseInput(try await WebApp.jsonObject(of: request, fields: caseFields), session)
                let detail = try await app.run(session) { try $0.logCaseInFull(input) }
                var response = try WebApp.json(CaseDetailJSON(detail: detail), status: .created)
                response.headers[.location] = "/api/v1/cases/\(detail.state.id.rawValue)"
                return response
            }
        }
        router.get("/api/v1/cases") { request, context in
            await app.api(request, context) { session in
                let query = try APIQueries.query(request)
                let (limit, offset) = try paging(query)
                let filter = try APIQueries.caseQuery(query, session, limit: limit, offset: offset)
                let entries = try await app.run(session) { try $0.listCases(filter) }
                return try WebApp.json(
                    CasePageJSON(cases: entries.map(CaseEntryJSON.init), limit: limit, offset: offset))
            }
        }
        router.get("/api/v1/cases/:id") { request, context in
            await app.api(request, context) { session in
                let id = try caseID(context)
                return try WebApp.json(CaseDetailJSON(detail: try await app.run(session) { try $0.caseDetail(id) }))
            }
        }
        router.post("/api/v1/cases/:id/steps") { request, context in
            await app.api(request, context) { session in
                let id = try caseID(context)
                let (step, at) = try APIQueries.step(
                    try await WebApp.jsonObject(of: request, fields: stepFields), session)
                let change = try await app.run(session) { try $0.record(step, on: id, at: at) }
                return try WebApp.json(RecordedJSON(change: change), status: .created)
            }
        }
        router.get("/api/v1/overdue") { request, context in
            await app.api(request, context) { session in
                try WebApp.json(try await app.run(session) { try $0.overdueCases(at: $0.now) }.map(CaseEntryJSON.init))
            }
        }
        router.get("/api/v1/inbox") { request, context in
            await app.api(request, context) { session in
                let query = try APIQueries.query(request)
                let (limit, offset) = try paging(query)
                let states = try APIQueries.parameter(query, "state").map { text -> [InboxState] in
                    guard let state = InboxState(rawValue: text) else {
                        throw Problem(status: .badRequest, detail: "state is one of new, case, dismissed, unreadable")
                    }
                    return [state]
                }
                let filter = InboxFilter(states: states ?? [], limit: limit, offset: offset)
                let entries = try await app.run(session) { try $0.inbox(filter) }
                return try WebApp.json(
                    InboxPageJSON(items: entries.map(InboxEntryJSON.init), limit: limit, offset: offset))
            }
        }
        router.get("/api/v1/deadline") { request, context in
            await app.api(request, context) { session in
                let query = try APIQueries.query(request)
                let kind = try APIQueries.kind(try APIQueries.parameter(query, "kind") ?? "access")
                let dueText = try APIQueries.parameter(query, "due")
                let due = try APIQueries.parse("due") { try dueText.map(CivilDateInput.parse) }
                let receivedText = try APIQueries.parameter(query, "received") ?? "now"
                let received = try APIQueries.parse("received") { try session.instant(receivedText) }
                let schedule = try await app.run(session) {
                    try $0.calculateDeadline(kind: kind, received: received, claimantDue: due)
                }
                return Response(
                    status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                    body: ResponseBody(
                        byteBuffer: ByteBuffer(
                            string: DeadlineJSON.line(schedule, kind: kind, zone: app.tracker.engine.zone).text)))
            }
        }
        addMethodRefusals(to: router)
    }

    /// The methods each path of the API takes (HEAD with GET).
    static let methods: [(path: RouterPath, methods: [HTTPRequest.Method])] = [
        ("/api/v1/openapi.json", [.get]), ("/api/v1/messages", [.post]), ("/api/v1/cases", [.get, .post]),
        ("/api/v1/cases/:id", [.get]), ("/api/v1/cases/:id/steps", [.post]), ("/api/v1/overdue", [.get]),
        ("/api/v1/inbox", [.get]), ("/api/v1/deadline", [.get]),
    ]

    /// The methods a path may be asked with that it does not take: answered 405.
    static let refusedMethods: [HTTPRequest.Method] = [
        .get, .head, .post, .put, .patch, .delete, .options, .trace, HTTPRequest.Method("QUERY")!,
    ]

    /// Answers every other method on a path of the API with 405 and `Allow` (RFC 9110).
    static func addMethodRefusals(to router: Router<WebContext>) {
        for (path, taken) in methods {
            let allowed = taken.contains(.get) ? taken + [.head] : taken
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            for method in refusedMethods where !allowed.contains(method) {
                router.on(path, method: method) { _, _ in Problem.methodNotAllowed(allow: allow) }
            }
        }
    }

    /// The fields `POST /api/v1/cases` takes.
    static let caseFields: Set<String> = [
        "kinds", "channel", "received", "subject", "contact", "reference", "note", "due",
    ]
    /// The fields `POST /api/v1/cases/{id}/steps` takes (each step uses some of them).
    static let stepFields: Set<String> = [
        "step", "at", "reason", "notified", "to", "kind", "outcome", "basis", "via", "contact", "text",
    ]

    /// `POST /api/v1/messages`: a raw message (`message/rfc822`, at most 25 MiB) becomes an
    /// inbox item (201), or is counted on the item that has it already (200).
    static func takeIn(_ request: Request, _ session: Session, _ app: WebApp) async throws -> Response {
        guard WebApp.mediaType(request) == "message/rfc822" else {
            throw Problem(status: .unsupportedMediaType, detail: "send the message as message/rfc822")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: 25 * 1024 * 1024)
        } catch {
            throw Problem(status: .contentTooLarge, detail: "the message is larger than 25 MiB")
        }
        let bytes = Array(buffer.readableBytesView)
        switch try await app.run(session, { try $0.takeIn(message: bytes, origin: .api) }) {
        case .taken(let item): return try WebApp.json(InboxItemJSON(item), status: .created)
        case .duplicate(let item): return try WebApp.json(InboxItemJSON(item), status: .ok)
        case .refused(let reason): throw Problem(status: .unprocessableContent, detail: reason)
        }
    }

    /// The request a `POST /api/v1/cases` body describes.
    static func caseInput(_ object: [String: Any], _ session: Session) throws -> CaseInput {
        let fields = JSONFields(object: object)
        guard let kindNames = try fields.texts("kinds"), !kindNames.isEmpty else {
            throw Problem(status: .badRequest, detail: "'kinds' is missing")
        }
        let kinds = try APIQueries.kinds(kindNames)
        let channelName = try fields.requiredText("channel")
        guard let channel = Channel(name: channelName) else {
            throw Problem(status: .unprocessableContent, detail: DSRCoreError.unknownChannel(channelName).description)
        }
        let receivedText = try fields.requiredText("received")
        let received = try APIQueries.parse("received") { try session.instant(receivedText) }
        let dueText = try fields.optionalText("due")
        let due = try APIQueries.parse("due") { try dueText.map(CivilDateInput.parse) }
        var personal: [PersonalField: String] = [:]
        personal[.subject] = try fields.requiredText("subject")
        personal[.contact] = try fields.optionalText("contact")
        personal[.reference] = try fields.optionalText("reference")
        personal[.note] = try fields.optionalText("note")
        return CaseInput(kinds: kinds, channel: channel, received: received, claimantDue: due, personal: personal)
    }

    /// `limit` (1–500, default 50) and `offset` (default 0) of a list.
    static func paging(_ query: FormFields) throws -> (Int, Int) {
        let limit = try APIQueries.parameter(query, "limit").map { text -> Int in
            guard let value = Int(text), (1...500).contains(value) else {
                throw Problem(status: .badRequest, detail: "limit is a whole number from 1 to 500")
            }
            return value
        }
        let offset = try APIQueries.parameter(query, "offset").map { text -> Int in
            guard let value = Int(text), (0...1_000_000_000).contains(value) else {
                throw Problem(status: .badRequest, detail: "offset is a whole number from 0")
            }
            return value
        }
        return (limit ?? 50, offset ?? 0)
    }

    /// The case id of the path; 404 for anything that is not one.
    static func caseID(_ context: WebContext) throws -> CaseID {
        guard let text = context.parameters.get("id"), let id = CaseID(text), id != .tracker else {
            throw Problem(status: .notFound, detail: "not found")
        }
        return id
    }

    /// The OpenAPI 3.1 document of this API.
    static let openAPIDocument = Response(
        status: .ok, headers: [.contentType: "application/json", .cacheControl: "public, max-age=3600"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: EmbeddedWebFiles.byName["openapi.json"] ?? "{}")))
}

/// A page of `GET /api/v1/cases`.
struct CasePageJSON: Encodable {
    let cases: [CaseEntryJSON]
    let limit: Int
    let offset: Int
}

/// A page of `GET /api/v1/inbox`.
struct InboxPageJSON: Encodable {
    let items: [InboxEntryJSON]
    let limit: Int
    let offset: Int
}
