import DSRApp
import DSRCore
import Foundation
import HTTPTypes
import Hummingbird

/// The gate of every API call: a bearer token of a staff account (its role applies), the
/// call's refusals as problem details, its JSON read strictly.
extension WebApp {
    /// The largest JSON body an API call takes (96 KiB: a note of at most 64 KiB and the rest).
    static let maximumJSONBytes = 96 * 1024

    /// Runs an API call in the session of the request's bearer token; without a valid token
    /// 401. Every refusal becomes problem details; nothing but the status and reason leaves.
    func api(
        _ request: Request, _ context: WebContext, _ body: @escaping (Session) async throws -> Response
    ) async -> Response {
        do {
            guard let token = Self.bearerToken(request) else { return Problem.unauthorized.response }
            let now = Instant(Date())
            guard let session = try await tracker.perform({ try $0.apiSession(token: token, now: now) }) else {
                return Problem.unauthorized.response
            }
            return try await body(session)
        } catch let problem as Problem {
            return problem.response
        } catch let failure as WebFailure {
            return Problem(failure).response
        } catch let error as AppError {
            return Self.problem(error).response
        } catch {
            // The error's type only: its text may quote input.
            context.logger.error(
                "API call failed", metadata: ["error": "\(type(of: error))", "request": "\(context.requestID)"])
            return Problem(status: .internalServerError, detail: "internal error (request \(context.requestID))")
                .response
        }
    }

    /// Runs a use case of an API call off the server's threads; its refusal as problem details.
    func run<Result: Sendable>(
        _ session: Session, _ useCase: @escaping @Sendable (Session) throws -> Result
    ) async throws -> Result {
        do {
            return try await session.perform(useCase)
        } catch let error as AppError {
            throw Self.problem(error)
        }
    }

    /// The status of a use case's refusal in the API: as on the pages, but a step that makes
    /// no sense for the record as it stands is 409.
    static func problem(_ error: AppError) -> Problem {
        error.kind == .conflict ? Problem(status: .conflict, detail: error.message) : Problem(WebFailure(error))
    }

    /// The media type of the request body, lower case, without parameters (`charset`).
    static func mediaType(_ request: Request) -> String? {
        guard let value = request.headers[.contentType] else { return nil }
        let essence = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
        return essence.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The token of `Authorization: Bearer …`.
    static func bearerToken(_ request: Request) -> String? {
        guard let value = request.headers[.authorization] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// The JSON object of a request body with the fields a call knows; 400 for anything else
    /// (not JSON, not an object, an unknown field, a field of the wrong type), 413 for too big,
    /// 415 for another media type.
    static func jsonObject(of request: Request, fields known: Set<String>) async throws -> [String: Any] {
        guard mediaType(request) == "application/json" else {
            throw Problem(status: .unsupportedMediaType, detail: "send the body as application/json")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumJSONBytes)
        } catch {
            throw Problem(status: .contentTooLarge, detail: "the body is larger than 96 KiB")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any]
        else { throw Problem(status: .badRequest, detail: "the body is not a JSON object") }
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw Problem(status: .badRequest, detail: "unknown field '\(unknown.prefix(40))'")
        }
        return object
    }

    /// A JSON response of an encodable value, never cached.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: Array(try OrderedJSONEncoder.line(value)))))
    }
}

/// The typed fields of an API call's JSON object.
struct JSONFields {
    let object: [String: Any]

    /// A string field; 400 if it is there but not a string.
    func text(_ name: String) throws -> String? {
        guard let value = object[name], !(value is NSNull) else { return nil }
        guard let text = value as? String else {
            throw Problem(status: .badRequest, detail: "'\(name)' must be a string")
        }
        return text
    }

    /// An optional string field; nil if it is missing, null or blank.
    func optionalText(_ name: String) throws -> String? {
        guard let text = try text(name), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return nil
        }
        return text
    }

    /// A required string field, not blank.
    func requiredText(_ name: String) throws -> String {
        guard let text = try optionalText(name) else {
            throw Problem(status: .badRequest, detail: "'\(name)' is missing")
        }
        return text
    }

    /// An array of strings.
    func texts(_ name: String) throws -> [String]? {
        guard let value = object[name], !(value is NSNull) else { return nil }
        guard let texts = value as? [Any], let strings = texts as? [String], strings.count == texts.count else {
            throw Problem(status: .badRequest, detail: "'\(name)' must be an array of strings")
        }
        return strings
    }
}
