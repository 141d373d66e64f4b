import DSRTestSupport
import Foundation
import Testing

@Suite("Help texts")
struct HelpTests {
    static let commands: [[String]] = [
        [], ["init"], ["log"], ["ack"], ["identity", "request"], ["extend"], ["answer"], ["assign"], ["note"], ["show"],
        ["list"], ["overdue"], ["letter"], ["duties"], ["duty", "done"], ["find"], ["import"], ["verify"], ["info"],
        ["demo"], ["export"], ["calendar"], ["purge"], ["subject", "export"], ["subject", "rectify"], ["user"],
        ["user", "add"], ["user", "role"], ["keygen"], ["backup"], ["restore"], ["deadline"], ["policy", "check"],
    ]

    @Test("every command's --help prints without stray backslashes", arguments: commands)
    func noStrayBackslashes(_ command: [String]) throws {
        let result = try DSRProcess.run(command + ["--help"])
        #expect(result.status == 0, "\(command): \(result.stderr)")
        #expect(result.stdout.contains("USAGE:"))
        #expect(!result.stdout.contains("\\\n") && !result.stdout.contains(" \\ "), "\(command)")
    }
}
