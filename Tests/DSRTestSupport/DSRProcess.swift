import Foundation

/// Runs the built `dsr` binary as a real process and captures what it prints.
public struct DSRProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var lines: [String] {
            stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
    }

    /// The `dsr` binary beside the test bundle.
    public static let binary: URL = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("dsr").path),
            url.path != "/"
        {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("dsr")
    }()

    /// The repository's root folder.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Everything the `dsr` processes of this test run wrote on standard error, appended run
    /// by run: `$DSR_TEST_STDERR_LOG`, else a file per test process in the temporary folder.
    /// `.ci/run` searches all of it for personal data once every test has run
    /// (`Tests/crosscheck/leak_check.py`), so the check does not depend on test order.
    public static let stderrLog: URL = {
        if let path = ProcessInfo.processInfo.environment["DSR_TEST_STDERR_LOG"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent("dsr-tests-stderr-\(getpid()).log")
    }()
    private static let stderrLogLock = NSLock()

    /// Appends one process's standard error to `stderrLog`.
    public static func keep(stderr: Data) {
        stderrLogLock.lock()
        defer { stderrLogLock.unlock() }
        if !FileManager.default.fileExists(atPath: stderrLog.path) {
            _ = FileManager.default.createFile(atPath: stderrLog.path, contents: nil)
        }
        guard let handle = try? FileHandle(forWritingTo: stderrLog) else { return }
        handle.seekToEndOfFile()
        handle.write(stderr)
        try? handle.close()
    }

    /// Runs `dsr arguments…` with `input` on standard input.
    public static func run(
        _ arguments: [String], input: String = "", environment: [String: String] = [:],
        directory: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DSR_POLICY")
        // A server's /etc/dsr/dsr.conf (the package) must not steer the tests.
        env["DSR_CONFIG"] = ""
        env.merge(environment) { $1 }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = DataCollector(stderr.fileHandleForReading)
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errors = errorData.wait()
        keep(stderr: errors)
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: output, as: UTF8.self),
            stderr: String(decoding: errors, as: UTF8.self))
    }
}

/// Reads a pipe to its end on a thread of its own, so neither pipe can fill up and block.
public final class DataCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    public init(_ handle: FileHandle) {
        Thread {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }.start()
    }

    public func wait() -> Data {
        done.wait()
        return data
    }
}
