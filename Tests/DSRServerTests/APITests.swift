import DSRTestSupport
import Foundation
import Testing

/// The JSON API under /api/v1 with bearer tokens, against the real server.
@Suite("API /api/v1")
struct APITests {
    let server = SharedServer.instance

    /// A new token acting as `login`, made with `dsr token create` on the server's database.
    func token(for login: String) throws -> String {
        let result = try server.database.run(["token", "create", "--user", login, "--name", "API-Test"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func call(
        _ method: String, _ path: String, token: String?, type: String = "application/json", body: Data? = nil
    ) throws -> (status: Int, json: [String: Any], response: WebResponse) {
        var headers: [String: String] = [:]
        if let token { headers["Authorization"] = "Bearer \(token)" }
        if body != nil { headers["Content-Type"] = type }
        let response = try server.client().send(method: method, path: path, headers: headers, body: body)
        let json = (try? JSONSerialization.jsonObject(with: Data(response.body.utf8))) as? [String: Any] ?? [:]
        return (response.status, json, response)
    }

    @Test("without a valid token every call is 401 problem+json with WWW-Authenticate; the document is public")
    func authentication() throws {
        for token in [nil, "dsr_wrong"] as [String?] {
            let answer = try call("GET", "/api/v1/overdue", token: token)
            #expect(answer.status == 401)
            #expect(answer.response.header("Content-Type") == "application/problem+json")
            #expect(answer.response.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
            #expect(answer.json["status"] as? Int == 401)
        }
        let document = try call("GET", "/api/v1/openapi.json", token: nil)
        #expect(document.status == 200 && document.json["openapi"] as? String == "3.1.0")
    }

    @Test("a case logged through the API is shown with its schedule; steps that make no sense are 409")
    func casesAndSteps() throws {
        let token = try token(for: "pressestelle1")
        let body = #"{"kinds":["Auskunft"],"channel":"email","received":"2026-01-31T10:15","subject":"Erika Fiktiv"}"#
        let created = try call("POST", "/api/v1/cases", token: token, body: Data(body.utf8))
        #expect(created.status == 201)
        let id = try #require(created.json["id"] as? String)
        #expect(created.json["due_date"] as? String == "2026-03-02")
        #expect(created.response.header("Location") == "/api/v1/cases/\(id)")
        #expect(try call("GET", "/api/v1/cases/\(id)", token: token).json["subject"] as? String == "Erika Fiktiv")
        let ack = try call(
            "POST", "/api/v1/cases/\(id)/steps", token: token,
            body: Data(#"{"step":"ack","at":"2026-02-02T08:00"}"#.utf8))
        #expect(ack.status == 201 && ack.json["event"] as? String == "acknowledged")
        let again = try call("POST", "/api/v1/cases/\(id)/steps", token: token, body: Data(#"{"step":"ack"}"#.utf8))
        #expect(again.status == 409 && (again.json["detail"] as? String)?.contains("already acknowledged") == true)
        let unknown = try call("POST", "/api/v1/cases/\(id)/steps", token: token, body: Data(#"{"step":"fly"}"#.utf8))
        #expect(unknown.status == 422)
        #expect(try call("GET", "/api/v1/cases/2026-99999", token: token).status == 404)
        let list = try call("GET", "/api/v1/cases?status=open&limit=2", token: token)
        #expect(list.status == 200 && (list.json["cases"] as? [Any])?.count == 2 && list.json["limit"] as? Int == 2)
        let deadline = try call("GET", "/api/v1/deadline?received=2026-01-31T10:15&kind=access", token: token)
        #expect(deadline.json["deadline"] as? String == "2026-03-02")
    }

    @Test("malformed input is 400, wrong media type 415, oversize 413, bad values 422 — never 500")
    func badInput() throws {
        let token = try token(for: "pressestelle1")
        let cases: [(String, String, Int)] = [
            ("application/json", "[1,2]", 400), ("application/json", "{", 400),
            ("application/json", #"{"kinds":"access"}"#, 400),
            ("application/json", #"{"kinds":["access"],"channel":"email","received":"now","subject":"X","id":1}"#, 400),
            ("text/plain", "{}", 415),
            ("application/json", #"{"kinds":["fly"],"channel":"email","received":"now","subject":"X"}"#, 422),
            ("application/json", #"{"kinds":["access"],"channel":"email","received":"gestern","subject":"X"}"#, 422),
            (
                "application/json",
                #"{"kinds":["access"],"channel":"email","received":"2099-01-01 10:00","subject":"X"}"#, 422
            ),
        ]
        for (type, body, status) in cases {
            let answer = try call("POST", "/api/v1/cases", token: token, type: type, body: Data(body.utf8))
            #expect(answer.status == status, "\(body)")
            #expect(answer.response.header("Content-Type") == "application/problem+json")
        }
        let big = Data(repeating: UInt8(ascii: " "), count: 200 * 1024)
        #expect(try call("POST", "/api/v1/cases", token: token, body: big).status == 413)
        #expect(try call("GET", "/api/v1/cases?limit=100000", token: token).status == 400)
        #expect(try call("GET", "/api/v1/inbox?state=lost", token: token).status == 400)
    }

    @Test("a mail server pipes a message in: 201 a new item, 200 the same again, 422 not mail; roles apply")
    func messages() throws {
        let token = try token(for: "pressestelle1")
        let mail = requestMail()
        let first = try call("POST", "/api/v1/messages", token: token, type: "message/rfc822", body: mail)
        #expect(first.status == 201 && first.json["origin"] as? String == "api")
        #expect(first.json["receipt_source"] as? String == "received-header")
        let second = try call("POST", "/api/v1/messages", token: token, type: "message/rfc822", body: mail)
        #expect(second.status == 200 && second.json["id"] as? Int == first.json["id"] as? Int)
        #expect(
            try call("POST", "/api/v1/messages", token: token, type: "message/rfc822", body: Data([0xFF, 0xD8])).status
                == 422)
        #expect(try call("POST", "/api/v1/messages", token: token, type: "application/json", body: mail).status == 415)
        let inbox = try call("GET", "/api/v1/inbox?state=new", token: token)
        #expect(
            (inbox.json["items"] as? [[String: Any]])?.contains { $0["id"] as? Int == first.json["id"] as? Int } == true
        )
    }
}
