import DSRPostgres
import DSRTestSupport
import Foundation
import Testing

/// A cluster of the test's own (`Tests/postgres/cluster.sh`), which it may stop and start
/// without disturbing the other tests.
struct PrivateCluster {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../postgres/cluster.sh").standardizedFileURL.path

    let folder: String
    /// The superuser's URL of the `postgres` database.
    let url: PostgresURL

    /// Starts a new cluster.
    static func start() throws -> PrivateCluster {
        let output = try run(["start"])
        var exports: [String: String] = [:]
        for line in output.split(separator: "\n") where line.hasPrefix("export ") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
            exports[String(pair[0])] = String(pair[1]).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        }
        var url = try PostgresURL(try #require(exports["DSR_TEST_POSTGRES_URL"]))
        url.user = "postgres"
        return PrivateCluster(folder: try #require(exports["DSR_TEST_POSTGRES_DIR"]), url: url)
    }

    func halt() throws { _ = try Self.run(["halt", folder]) }
    func resume() throws { _ = try Self.run(["resume", folder]) }
    func stop() { _ = try? Self.run(["stop", folder]) }

    @discardableResult
    private static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script] + arguments
        // A file, not a pipe: the output does not wait on the descriptors of the server it starts.
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("cluster-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        process.standardOutput = try FileHandle(forWritingTo: output)
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "cluster.sh \(arguments[0]) failed")
        return try String(contentsOf: output, encoding: .utf8)
    }
}

/// PostgreSQL restarted under a connected link: requests in flight fail as unavailable, the
/// link connects again by itself, and a transaction cut off leaves nothing behind.
@Suite("PostgreSQL outages", .enabled(if: TestDatabase.enabled, TestDatabase.skipReason), .serialized)
struct PostgresOutageTests {
    @Test func aLinkFailsWhileTheServerIsDownAndReconnectsAfter() throws {
        let cluster = try PrivateCluster.start()
        defer { cluster.stop() }
        let link = try PostgresLink.connect(cluster.url, logger: TestDatabase.logger)
        defer { link.close() }
        #expect(try link.query("SELECT 1").first?.decode(Int.self) == 1)
        try cluster.halt()
        let failure = #expect(throws: PostgresFailure.self) { try link.query("SELECT 1") }
        #expect(failure?.kind == .unavailable, "\(String(describing: failure))")
        #expect(failure?.description.contains("\n") == false)
        try cluster.resume()
        #expect(try link.query("SELECT 2").first?.decode(Int.self) == 2)
    }

    @Test func aTransactionCutOffByARestartLeavesNothingAndTheLinkRecovers() throws {
        let cluster = try PrivateCluster.start()
        defer { cluster.stop() }
        let link = try PostgresLink.connect(cluster.url, logger: TestDatabase.logger)
        defer { link.close() }
        try link.execute(script: "CREATE TABLE written (n integer)")
        let failure = #expect(throws: PostgresFailure.self) {
            try link.transaction { link in
                try link.query("INSERT INTO written VALUES (1)")
                try cluster.halt()
                try link.query("INSERT INTO written VALUES (2)")
            }
        }
        #expect(failure?.kind == .unavailable, "\(String(describing: failure))")
        try cluster.resume()
        #expect(try link.query("SELECT count(*) FROM written").first?.decode(Int.self) == 0)
        try link.transaction { try $0.query("INSERT INTO written VALUES (3)") }
        #expect(try link.query("SELECT count(*) FROM written").first?.decode(Int.self) == 1)
    }
}
