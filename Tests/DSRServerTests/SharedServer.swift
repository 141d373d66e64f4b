import Foundation

/// One `dsr serve` on a demo database that the route tests share (started on first use);
/// it is stopped when the test process exits. Tests that change the server's state for
/// everyone (locking an account, stopping it) start their own.
enum SharedServer {
    static let instance: ServerProcess = {
        let server = try! ServerProcess()
        startedProcess = server.process.processIdentifier
        atexit { if startedProcess > 0 { kill(startedProcess, SIGTERM) } }
        return server
    }()

    nonisolated(unsafe) private static var startedProcess: Int32 = 0
}
