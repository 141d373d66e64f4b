import DSRPostgres
import Foundation
import Testing

/// A cluster of the test's own (`Tests/postgres/cluster.sh`), which it may stop and start
/// without disturbing the other tests.
public struct PrivateCluster: Sendable {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../postgres/cluster.sh").standardizedFileURL.path

    public let folder: String
    /// The superuser's URL of the `postgres` database (its roles are those of `cluster.sh`:
    /// `dsr_owner`, `dsr_app`).
    public let url: PostgresURL

    /// Starts a new cluster.
    public static func start() throws -> PrivateCluster {
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

    public func halt() throws { _ = try Self.run(["halt", folder]) }
    public func resume() throws { _ = try Self.run(["resume", folder]) }
    public func stop() { _ = try? Self.run(["stop", folder]) }

    @discardableResult
    private static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script] + arguments
        // A file, not a pipe: the output does not wait on the descriptors of the server it starts.
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("cluster-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        process.standardOutput = try FileHandle(forWritingTo: output)
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "cluster.sh \(arguments[0]) failed")
        return try String(contentsOf: output, encoding: .utf8)
    }
}
