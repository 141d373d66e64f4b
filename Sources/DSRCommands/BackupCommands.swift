import ArgumentParser
import DSRApp
import DSRCore
import Foundation

/// `dsr backup FILE`: a consistent copy while others keep working; its hash goes into the log.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the database to FILE (online, consistent); record its hash.")

    @Argument(help: ArgumentHelp("The backup file to create (never overwritten).", valueName: "file"))
    var file: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @Option(name: .long, help: "Language of the output: de or en.")
    var lang: Language = .de

    func run() throws {
        let hash = try store.session(policy: policy, for: .makeBackup).backup(to: file)
        let text = lang.pick("Sicherung: ", "Backup: ") + file + "\nSHA-256: " + hash + "\n"
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// `dsr restore FILE`: replaces the database with a backup after checking its schema and
/// chain; the old file is kept.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database with a backup, after checking schema and chain (the old file is kept).",
        discussion: "Stop other dsr processes on this database first.")

    @Argument(help: ArgumentHelp("The backup file.", valueName: "file"))
    var file: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @Option(name: .long, help: "Language of the output: de or en.")
    var lang: Language = .de

    func run() throws {
        let (keptAs, report) = try Tracker.restore(
            try store.configuration(policy: policy), from: file, login: ProcessOwner.login, now: Instant(Date()))
        var text =
            lang.pick("Wiederhergestellt: ", "Restored: ") + store.location + " ← " + file + "\n"
            + lang.pick("Kette intakt: ", "Chain intact: ") + "\(report.events) " + lang.pick("Ereignisse", "events")
            + ", " + report.head + "\n"
        if let keptAs { text += lang.pick("Bisherige Datei: ", "Previous file: ") + keptAs + "\n" }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
