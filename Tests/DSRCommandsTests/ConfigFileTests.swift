import DSRTestSupport
import Foundation
import Testing

@Suite("/etc/dsr/dsr.conf")
struct ConfigFileTests {
    @Test("the file's DSR_ keys are defaults: the CLI finds the server's database; the environment wins")
    func defaults() throws {
        let folder = TempDatabase()
        defer { folder.remove() }
        let database = folder.folder.appendingPathComponent("server.sqlite").path
        let config = folder.folder.appendingPathComponent("dsr.conf")
        try """
        # the service's database
        DSR_DB="\(database)"
        ; other systems' keys are left alone
        PATH=/nowhere
        DSR_LISTEN = 127.0.0.1:9999

        """.write(to: config, atomically: true, encoding: .utf8)
        let initialised = try DSRProcess.run(["init"], environment: ["DSR_CONFIG": config.path])
        #expect(initialised.status == 0, "\(initialised.stderr)")
        #expect(FileManager.default.fileExists(atPath: database))
        let other = folder.folder.appendingPathComponent("other.sqlite").path
        #expect(try DSRProcess.run(["init"], environment: ["DSR_CONFIG": config.path, "DSR_DB": other]).status == 0)
        #expect(FileManager.default.fileExists(atPath: other))
        let help = try DSRProcess.run(["serve", "--help"], environment: ["DSR_CONFIG": config.path])
        #expect(help.stdout.contains("127.0.0.1:9999"))
    }

    @Test("a line that is no KEY=value is refused with the file and line, exit 65")
    func malformed() throws {
        let folder = TempDatabase()
        defer { folder.remove() }
        let config = folder.folder.appendingPathComponent("dsr.conf")
        try "DSR_DB=/tmp/x.sqlite\nthis is not a setting\n".write(to: config, atomically: true, encoding: .utf8)
        let result = try DSRProcess.run(["info"], environment: ["DSR_CONFIG": config.path])
        #expect(result.status == 65)
        #expect(result.stderr == "dsr: \(config.path):2: not a KEY=value line\n")
    }
}
