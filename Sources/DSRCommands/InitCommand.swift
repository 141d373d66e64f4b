import ArgumentParser
import DSRCore
import DSRStore
import DSRXML
import Foundation

/// `dsr init [--db FILE] [--policy FILE]`: creates the database and stores the policy new
/// cases are logged under.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the database and choose its policy.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @Option(name: .long, help: "Language of the output: de or en.")
    var lang: Language = .de

    func run() throws {
        let loaded = try policy.load()
        let caseStore = try store.open()
        // A supervisor under the staff list in force now, and under the new one: otherwise a
        // policy without users would switch roles off for everyone.
        if let stored = try caseStore.defaultPolicy() {
            try Access(login: Actor.current, policy: try PolicyLoader.load(text: stored.text, file: stored.source))
                .require(.supervisor, to: "changing the policy of a database")
        }
        try Access(login: Actor.current, policy: loaded).require(.supervisor, to: "choosing the policy of a database")
        try caseStore.storePolicy(text: loaded.text, source: loaded.source, now: Instant(Date()), makeDefault: true)
        let text = lang.pick("Datenbank: ", "Database: ") + caseStore.path + "\n"
            + lang.pick("Schema: ", "Schema: ") + (try caseStore.schemaVersion()).joined(separator: ", ") + "\n"
            + lang.pick("Policy: ", "Policy: ") + "\(loaded.policy.controller.name), \(loaded.policy.controller.unit) (\(loaded.source))\n"
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
