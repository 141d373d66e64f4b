import ArgumentParser
import DSRApp
import DSRCore
import Foundation

/// `dsr demo`: fills a new database with a deterministic, realistic synthetic data set and
/// shows the supervisor's overdue view.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a database of synthetic cases and show the overdue view.",
        discussion: """
            Without --db the demo writes to dsr-demo.sqlite in the system's temporary folder,
            replacing an earlier demo there; it never touches $DSR_DB or the default database.
            With --db the file must be new or empty. The same --seed and --at give the same data.
            """)

    @Option(
        name: .long, help: ArgumentHelp("Database file to create (default: <tmp>/dsr-demo.sqlite).", valueName: "file"))
    var db: String?

    @Option(name: .long, help: "Number of cases.")
    var cases = 300

    @Option(name: .long, help: "Seed of the random data.")
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("The demo's 'now' (default: now).", valueName: "when"))
    var at: String?

    @OptionGroup var policy: PolicyOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...1_000_000).contains(cases) else { throw ValidationError("--cases must be within 1–1,000,000") }
    }

    func run() throws {
        let path = db ?? FileManager.default.temporaryDirectory.appendingPathComponent("dsr-demo.sqlite").path
        if db == nil {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let session = try StoreOptions.parse(["--db", path]).session(policy: policy, for: .logDemoCases)
        let now = try session.moment(at)
        let counts = try session.fillWithDemoData(cases: cases, seed: seed, at: now)
        let accounts = try session.addDemoAccounts(at: now)
        let header = output.lang.pick(
            "Demo: \(counts.cases) Fälle, \(counts.events) Ereignisse in \(path)\n(ausprobieren: dsr overdue --db \(path))\n\n",
            "Demo: \(counts.cases) cases, \(counts.events) events in \(path)\n(try: dsr overdue --db \(path))\n\n")
        if !output.json { FileHandle.standardOutput.write(Data(header.utf8)) }
        _ = try OverdueView(session: session, language: output.lang).print(at: now, json: output.json)
        if !output.json { printAccounts(accounts, path: path) }
    }

    /// The web accounts with their passwords (shown this once) and the line that starts the server.
    private func printAccounts(_ accounts: [DemoAccount], path: String) {
        let lang = output.lang
        var text = lang.pick(
            "\nWeb-Konten (Passwörter werden nur jetzt angezeigt):\n",
            "\nWeb accounts (passwords are shown only now):\n")
        for account in accounts {
            text +=
                "  \(account.login.padding(toLength: 14, withPad: " ", startingAt: 0)) \(account.role.label(lang).padding(toLength: 27, withPad: " ", startingAt: 0)) \(account.password)\n"
        }
        text += lang.pick(
            "\nWebanwendung starten, dann http://127.0.0.1:8080 öffnen:\n",
            "\nStart the web application, then open http://127.0.0.1:8080:\n")
        text += "  swift run dsr serve --db \(path)\n"
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
