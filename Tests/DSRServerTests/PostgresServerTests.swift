import DSRPostgres
import DSRTestSupport
import Foundation
import Synchronization
import Testing

/// `dsr serve` on PostgreSQL, as real processes: two servers on one database, and the
/// database going away under a write load.
@Suite("dsr serve on PostgreSQL", .enabled(if: TestDatabase.enabled, TestDatabase.skipReason), .serialized)
struct PostgresServerTests {
    /// A demo tracker with a few cases copied into the PostgreSQL database of `server`
    /// (migrated as `owner`); returns the demo's passwords and an API token of a clerk.
    static func prepare(server: PostgresURL, owner: PostgresURL) throws -> (passwords: [String: String], token: String)
    {
        let demo = TempDatabase()
        defer { demo.remove() }
        let passwords = try ServerProcess.demo(into: demo, cases: 10)
        let copied = try DSRProcess.run([
            "migrate", "--from", demo.path, "--to", server.redacted, "--owner", owner.redacted,
        ])
        try #require(copied.status == 0, "\(copied.stderr)")
        let token = try DSRProcess.run([
            "token", "create", "--user", "pressestelle1", "--name", "Last", "--database", server.redacted,
        ])
        try #require(token.status == 0, "\(token.stderr)")
        return (passwords, token.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Logs a case through the API of `client`; returns the status and the new case's id.
    static func logCase(_ index: Int, token: String, on client: WebClient) throws -> (status: Int, id: String?) {
        let body =
            #"{"kinds":["access"],"channel":"email","received":"2026-11-20T10:00","subject":"Erika Fiktiv \#(index)"}"#
        let response = try client.send(
            method: "POST", path: "/api/v1/cases",
            headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"], body: Data(body.utf8))
        let json = (try? JSONSerialization.jsonObject(with: Data(response.body.utf8))) as? [String: Any]
        return (response.status, json?["id"] as? String)
    }

    /// The ids of every case in the database, as `dsr list --json` prints them.
    static func caseIDs(_ url: PostgresURL) throws -> [String] {
        let listed = try DSRProcess.run(["list", "--json", "--database", url.redacted])
        try #require(listed.status == 0, "\(listed.stderr)")
        return listed.stdout.matches(of: /"id":"(\d{4}-\d{5})"/).map { String($0.1) }
    }

    @Test("two servers on one database: 8 clients log 200 cases with steps through both; all there, gapless, verified")
    func twoServers() throws {
        try TestDatabase.with { database in
            let (passwords, token) = try Self.prepare(server: database.serverURL, owner: database.ownerURL)
            let arguments = ["--database", database.serverURL.redacted]
            let servers = try [0, 1].map { _ in
                try ServerProcess(database: TempDatabase(), passwords: passwords, arguments: arguments)
            }
            let results = Mutex<[(created: Int, acknowledged: Int, id: String?)]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { client in
                for index in 0..<25 {
                    let number = client * 25 + index
                    let first = servers[number % 2].client()
                    let other = servers[(number + 1) % 2].client()
                    let created = (try? Self.logCase(number, token: token, on: first)) ?? (status: 0, id: nil)
                    var acknowledged = 0
                    if let id = created.id {
                        acknowledged =
                            (try? other.send(
                                method: "POST", path: "/api/v1/cases/\(id)/steps",
                                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                                body: Data(#"{"step":"ack","at":"2026-11-20T11:00"}"#.utf8)
                            ).status) ?? 0
                    }
                    results.withLock { $0.append((created.status, acknowledged, created.id)) }
                }
            }
            let outcome = results.withLock { $0 }
            #expect(outcome.count == 200)
            #expect(outcome.allSatisfy { $0.created == 201 && $0.acknowledged == 201 })
            let logged = Set(outcome.compactMap(\.id))
            #expect(logged.count == 200)

            let ids = try Self.caseIDs(database.serverURL)
            #expect(logged.isSubset(of: Set(ids)))
            for (year, numbers) in Dictionary(grouping: ids, by: { $0.prefix(4) }) {
                let sorted = numbers.map { Int($0.suffix(5))! }.sorted()
                #expect(sorted == Array(1...sorted.count), "the case numbers of \(year) have gaps or twins")
            }
            let verified = try DSRProcess.run(["verify", "--database", database.serverURL.redacted, "--lang", "en"])
            #expect(verified.status == 0, "\(verified.stderr)")

            // A session begun on one server is valid on the other: no stickiness needed.
            let signedIn = try servers[0].signedIn("leitung")
            let elsewhere = servers[1].client()
            elsewhere.cookies = signedIn.cookies
            #expect(try elsewhere.get("/").status == 200)
            for server in servers { #expect(server.stop() == 0) }
        }
    }

    @Test("PostgreSQL stopped and started under a write load: 503 while it is away, then writes again, none lost")
    func outage() throws {
        let cluster = try PrivateCluster.start()
        defer { cluster.stop() }
        var owner = cluster.url
        owner.user = "dsr_owner"
        let admin = try PostgresLink.connect(owner, logger: TestDatabase.logger)
        try admin.execute(script: "CREATE DATABASE outage")
        admin.close()
        owner.database = "outage"
        var serverURL = owner
        serverURL.user = "dsr_app"
        let (passwords, token) = try Self.prepare(server: serverURL, owner: owner)
        let server = try ServerProcess(
            database: TempDatabase(), passwords: passwords, arguments: ["--database", serverURL.redacted])
        let results = Mutex<[(status: Int, id: String?)]>([])
        let writing = Mutex(true)
        let writer = Thread {
            var index = 0
            while writing.withLock({ $0 }) {
                let result = (try? Self.logCase(index, token: token, on: server.client())) ?? (status: 0, id: nil)
                results.withLock { $0.append(result) }
                index += 1
                usleep(20_000)
            }
        }
        writer.start()
        func statuses() -> [Int] { results.withLock { $0.map(\.status) } }
        func wait(until condition: () -> Bool) {
            let deadline = Date().addingTimeInterval(30)
            while !condition() && Date() < deadline { usleep(50_000) }
        }
        wait { statuses().filter { $0 == 201 }.count >= 5 }
        try cluster.halt()
        let beforeResume = Date()
        wait { statuses().filter { $0 == 503 }.count >= 5 }
        // /healthz asks the database at most once a second.
        wait { (try? server.client().get("/healthz").status) == 503 }
        #expect(try server.client().get("/healthz").status == 503, "a load balancer sees the database is away")
        let refused = try server.client().send(
            method: "GET", path: "/api/v1/overdue", headers: ["Authorization": "Bearer \(token)"], body: nil)
        #expect(refused.status == 503 && refused.header("Retry-After") == "5")
        #expect(refused.header("Content-Type") == "application/problem+json")
        try cluster.resume()
        let answeredAfter = statuses().count
        wait { statuses().dropFirst(answeredAfter).filter { $0 == 201 }.count >= 5 }
        writing.withLock { $0 = false }
        while !writer.isFinished { usleep(10_000) }
        #expect(Date().timeIntervalSince(beforeResume) < 60)
        wait { (try? server.client().get("/healthz").status) == 200 }
        #expect(try server.client().get("/healthz").status == 200)

        let outcome = results.withLock { $0 }
        #expect(outcome.contains { $0.status == 503 }, "requests while PostgreSQL is away are 503")
        #expect(outcome.allSatisfy { [201, 503].contains($0.status) }, "\(Set(outcome.map(\.status)))")
        #expect(outcome.suffix(3).allSatisfy { $0.status == 201 }, "the server writes again by itself")
        let acknowledged = Set(outcome.filter { $0.status == 201 }.compactMap(\.id))
        #expect(acknowledged.isSubset(of: Set(try Self.caseIDs(serverURL))), "every acknowledged write is there")
        let verified = try DSRProcess.run(["verify", "--database", serverURL.redacted])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(server.stop() == 0)
    }
}
