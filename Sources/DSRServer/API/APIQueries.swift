import DSRApp
import DSRCore
import Foundation
import Hummingbird

/// Reads the API's query parameters and step bodies into the application's values; what
/// cannot be read is 422 with the application's reason (the same words as the command line).
enum APIQueries {
    /// The query of a request; 400 if it is not valid UTF-8 or has a broken percent escape.
    static func query(_ request: Request) throws -> FormFields {
        guard let query = FormFields(request.uri.query ?? "") else {
            throw Problem(status: .badRequest, detail: "the query cannot be read")
        }
        return query
    }

    /// A query parameter with blanks trimmed, nil if missing; 400 if it is given empty.
    static func parameter(_ query: FormFields, _ name: String) throws -> String? {
        guard query[name] != nil else { return nil }
        guard let text = query.text(name) else {
            throw Problem(status: .badRequest, detail: "'\(name)' is empty")
        }
        return text
    }

    /// The filters of `GET /api/v1/cases`, those of `dsr list`.
    static func caseQuery(_ query: FormFields, _ session: Session, limit: Int, offset: Int) throws -> CaseQuery {
        var filter = CaseQuery()
        filter.limit = limit
        filter.offset = offset
        if let text = try parameter(query, "status") {
            guard let status = CaseStatus(rawValue: text) else {
                let names = CaseStatus.allCases.map(\.rawValue).joined(separator: ", ")
                throw Problem(status: .unprocessableContent, detail: "unknown status; valid: \(names)")
            }
            filter.status = status
        }
        filter.kind = try parameter(query, "kind").map(kind)
        if let text = try parameter(query, "channel") {
            guard let channel = Channel(name: text) else {
                throw Problem(status: .unprocessableContent, detail: DSRCoreError.unknownChannel(text).description)
            }
            filter.channel = channel
        }
        filter.assignee = try parameter(query, "assignee")
        filter.receivedFrom = try parameter(query, "received_from").map { text in
            try parse("received_from") { try session.instant(text) }
        }
        filter.receivedTo = try parameter(query, "received_to").map { text in
            // A bare date includes its whole day, as with `dsr list --received-to`.
            let isDate = CivilDate(iso: text) != nil
            return try parse("received_to") { try session.instant(text).adding(seconds: isDate ? 86_400 : 0) }
        }
        return filter
    }

    /// The step a `POST /api/v1/cases/{id}/steps` body names, with its moment (`at`).
    static func step(_ object: [String: Any], _ session: Session) throws -> (Step, Instant?) {
        let fields = JSONFields(object: object)
        let name = try fields.requiredText("step")
        guard let parse = StepRoutes.steps[name] else {
            let names = StepRoutes.steps.keys.sorted().joined(separator: ", ")
            throw Problem(status: .unprocessableContent, detail: "unknown step; valid: \(names)")
        }
        var pairs: [(name: String, value: String)] = []
        for key in object.keys.sorted() where key != "step" {
            if let value = try fields.text(key) { pairs.append((key, value)) }
        }
        let form = FormFields(pairs: pairs)
        let step = try Self.parse("the step") { try parse(form, session) }
        let at = try form.text("at").map { text in try Self.parse("at") { try session.instant(text) } }
        return (step, at)
    }

    /// One request kind in German or English (not a list: `access,erasure` is refused).
    static func kind(_ text: String) throws -> RequestKind {
        try parse("kind") {
            guard let kind = try RequestKindList.parse([text]).first else { throw DSRCoreError.unknownKind(text) }
            return kind
        }
    }

    /// The request kinds of a case, each named in German or English, each once.
    static func kinds(_ names: [String]) throws -> [RequestKind] {
        try parse("kinds") { try RequestKindList.parse(names) }
    }

    /// Runs a reading; its failure becomes 422 with the application's reason.
    static func parse<Value>(_ what: String, _ read: () throws -> Value) throws -> Value {
        do {
            return try read()
        } catch let failure as WebFailure {
            throw Problem(failure)
        } catch {
            throw Problem(WebFailure(input: error))
        }
    }
}
