import ArgumentParser
import DSRApp
import DSRCore
import DSRPostgres
import Foundation

/// `dsr migrate --from DB --to DB`: copies a whole tracker into an empty database of either
/// backend and verifies the copy before it reports success.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy a whole tracker into an empty database (SQLite ↔ PostgreSQL) and verify the copy.",
        discussion: """
            Copies events, vault, staff accounts, settings, the inbox and API tokens row for row (not the web \
            sessions or the sign-in log), then verifies the target's chain and that it ends in the source's head. \
            Sealed texts stay sealed: no vault key is needed. A PostgreSQL target is migrated first, as the role \
            of --owner (default $DSR_DATABASE_OWNER_URL; its password from $DSR_DATABASE_OWNER_PASSWORD_FILE) if \
            given, granting the target URL's role its rights.
            """)

    @Option(
        name: .long, help: ArgumentHelp("The tracker to copy: postgres://…, sqlite:PATH or a file.", valueName: "url"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("The empty database to copy it into.", valueName: "url"))
    var to: String

    @Option(
        name: .long,
        help: ArgumentHelp("URL of the PostgreSQL target's owner role, which applies its migrations.", valueName: "url")
    )
    var owner: String?

    @Flag(name: .long, help: "Log what dsr does on standard error (never personal data).")
    var verbose = false

    @Option(name: .long, help: "Language of the output: de or en.")
    var lang: Language = .de

    func run() throws {
        let logger = Diagnostics.logger(verbose: verbose)
        let ownerURL = try StoreOptions.ownerURL(option: owner)
        let report = try Tracker.migrate(
            from: TrackerConfiguration(database: try StoreOptions.address(from), logger: logger),
            to: TrackerConfiguration(database: try StoreOptions.address(to), databaseOwner: ownerURL, logger: logger),
            login: ProcessOwner.login)
        let verification = report.verification
        let text =
            lang.pick("Kopiert nach: ", "Copied to: ") + report.target + "\n"
            + lang.pick("Fälle: ", "Cases: ") + "\(report.cases)\n"
            + lang.pick("Kette intakt: ", "Chain intact: ") + "\(verification.events) "
            + lang.pick("Ereignisse", "events") + ", " + verification.head + "\n"
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
