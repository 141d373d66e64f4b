import DSRTestSupport
import Foundation

/// `dsr serve` as a real process on a demo database of its own, on a free port; with the
/// demo's three web accounts and their passwords.
final class ServerProcess: @unchecked Sendable {
    let database: TempDatabase
    let process = Process()
    private(set) var port = 0
    /// Login → password of the demo's web accounts (pressestelle1, leitung, datenschutz).
    private(set) var passwords: [String: String] = [:]
    private let stderr = Pipe()
    private var stderrText = Data()
    private let lock = NSLock()

    /// Creates a demo database with `cases` cases and starts the server on it.
    convenience init(cases: Int = 60, arguments: [String] = []) throws {
        let database = TempDatabase()
        let passwords = try Self.demo(into: database, cases: cases)
        try self.init(database: database, passwords: passwords, arguments: ["--db", database.path] + arguments)
    }

    /// Starts the server with `arguments` (which name its database) and the demo's passwords;
    /// `database` is the folder the process owns (removed at the end).
    init(database: TempDatabase, passwords: [String: String], arguments: [String]) throws {
        self.database = database
        self.passwords = passwords
        try start(arguments)
    }

    /// Writes `dsr demo` with `cases` cases into `database`; returns the web accounts' passwords.
    static func demo(into database: TempDatabase, cases: Int) throws -> [String: String] {
        let demo = try DSRProcess.run(["demo", "--db", database.path, "--cases", "\(cases)"])
        guard demo.status == 0 else { throw ClientError("dsr demo failed: \(demo.stderr)") }
        var passwords: [String: String] = [:]
        for line in demo.lines {
            let words = line.split(separator: " ")
            if let login = words.first, ["pressestelle1", "leitung", "datenschutz"].contains(login) {
                passwords[String(login)] = String(words.last!)
            }
        }
        return passwords
    }

    private func start(_ arguments: [String]) throws {
        process.executableURL = DSRProcess.binary
        process.arguments = ["serve", "--listen", "127.0.0.1:0"] + arguments
        // A server's /etc/dsr/dsr.conf (the package) must not steer the tests.
        process.environment = ProcessInfo.processInfo.environment.merging(["DSR_CONFIG": ""]) { $1 }
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        let ready = DispatchSemaphore(value: 0)
        stderr.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.stderrText.append(data)
            let text = String(decoding: self.stderrText, as: UTF8.self)
            self.lock.unlock()
            if self.port == 0, let port = text.firstMatch(#"listening on http://127\.0\.0\.1:(\d+)"#).flatMap(Int.init)
            {
                self.port = port
                ready.signal()
            }
        }
        try process.run()
        guard ready.wait(timeout: .now() + 60) == .success else {
            process.terminate()
            throw ClientError("dsr serve did not start: \(log)")
        }
    }

    /// What the server wrote on standard error so far.
    var log: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: stderrText, as: UTF8.self)
    }

    /// A new client without cookies.
    func client() -> WebClient { WebClient(port: port) }

    /// A client signed in as one of the demo accounts.
    func signedIn(_ login: String) throws -> WebClient {
        let client = client()
        let form = try client.get("/login")
        let response = try client.post(
            "/login", [("_csrf", form.csrfToken ?? ""), ("login", login), ("password", passwords[login] ?? "")])
        guard response.status == 303 else { throw ClientError("sign-in of \(login) answered \(response.status)") }
        return client
    }

    /// Sends a signal and waits for the process to end; returns its exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> Int32 {
        if process.isRunning {
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
        }
        stderr.fileHandleForReading.readabilityHandler = nil
        DSRProcess.keep(stderr: Data(log.utf8))
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { stop() }
        database.remove()
    }
}
