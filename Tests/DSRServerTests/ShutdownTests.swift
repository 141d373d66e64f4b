import DSRTestSupport
import Foundation
import Synchronization
import Testing

/// The server under a write load of 8 clients, stopped with SIGTERM or killed: every answered
/// write is kept, the chain verifies, and the command line writes the same file meanwhile.
@Suite("Shutdown under load", .serialized)
struct ShutdownTests {
    /// What the clients saw: the case ids answered 303 and the statuses of every answer.
    final class Tally: Sendable {
        let created = Mutex<[String]>([])
        let statuses = Mutex<[Int]>([])
        let running = Atomic<Bool>(true)
        let clientsDone = Atomic<Int>(0)
    }

    /// Eight clients log cases until the server stops answering.
    func load(_ server: ServerProcess, tally: Tally) throws {
        let clients = try (0..<8).map { _ in try server.signedIn("pressestelle1") }
        for client in clients {
            Thread {
                defer { tally.clientsDone.add(1, ordering: .relaxed) }
                guard let token = try? client.get("/cases/new").csrfToken else { return }
                while tally.running.load(ordering: .relaxed) {
                    guard
                        let response = try? client.post(
                            "/cases",
                            [("_csrf", token), ("kind", "access"), ("channel", "post"), ("subject", "Last Test")])
                    else { return }
                    tally.statuses.withLock { $0.append(response.status) }
                    if response.status == 303, let id = response.header("Location")?.firstMatch(#"/cases/(.+)$"#) {
                        tally.created.withLock { $0.append(id) }
                    }
                }
            }.start()
        }
    }

    func run(signal: Int32) throws {
        let server = try ServerProcess(cases: 20)
        let tally = Tally()
        try load(server, tally: tally)
        // The command line writes the same database while the server takes writes.
        let cli = try server.database.run([
            "log", "--kind", "access", "--channel", "email", "--received", "now", "--subject", "CLI Test",
        ])
        #expect(cli.status == 0, "\(cli.stderr)")
        Thread.sleep(forTimeInterval: 1.5)
        let status = server.stop(signal: signal)
        tally.running.store(false, ordering: .relaxed)
        while tally.clientsDone.load(ordering: .relaxed) < 8 { Thread.sleep(forTimeInterval: 0.05) }
        if signal == SIGTERM { #expect(status == 0, "\(server.log)") }
        let created = tally.created.withLock { $0 }
        #expect(created.count > 10)
        #expect(tally.statuses.withLock { $0 }.allSatisfy { $0 < 500 }, "no 5xx before the drain")
        let stored = Set(
            try server.database.sqlite("SELECT id FROM caseProjection").split(separator: "\n").map(String.init))
        #expect(Set(created).isSubset(of: stored), "every case answered 303 is in the database")
        #expect(try server.database.sqlite("PRAGMA integrity_check") == "ok")
        #expect(try server.database.run(["verify"]).status == 0)
    }

    @Test("SIGTERM drains the requests in flight; every acknowledged write is kept")
    func sigterm() throws { try run(signal: SIGTERM) }

    @Test("SIGKILL loses no acknowledged write and leaves the database intact")
    func sigkill() throws { try run(signal: SIGKILL) }
}
