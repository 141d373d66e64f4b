import Foundation

/// A database path in a fresh temporary folder, for one test.
public struct TempDatabase: Sendable {
    public let folder: URL
    public let path: String

    public init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dsr-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("dsr.sqlite").path
    }

    /// A view of an existing database file; its folder belongs to someone else, so do not call `remove`.
    public init(path: String) {
        folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        self.path = path
    }

    /// Runs `dsr` with `--db` set to this database.
    public func run(_ arguments: [String], input: String = "") throws -> DSRProcess.Result {
        try DSRProcess.run(arguments, input: input, environment: ["DSR_DB": path])
    }

    /// Runs the sqlite3 tool on the database.
    public func sqlite(_ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Events in the log; 0 when the database was never created.
    public func eventCount() throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        return Int(try sqlite("SELECT COUNT(*) FROM event")) ?? -1
    }

    public func remove() { try? FileManager.default.removeItem(at: folder) }
}
