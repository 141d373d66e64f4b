import ArgumentParser
import DSRApp
import DSRCore
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
        let session = try store.session(policy: policy, for: .choosePolicy, seedingStaff: false)
        try session.choosePolicy()
        let info = try session.info()
        let text =
            lang.pick("Datenbank: ", "Database: ") + info.database + "\n"
            + lang.pick("Schema: ", "Schema: ") + info.schema.joined(separator: ", ") + "\n"
            + lang.pick("Policy: ", "Policy: ")
            + "\(info.policy.controller.name), \(info.policy.controller.unit) (\(info.policySource))\n"
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
