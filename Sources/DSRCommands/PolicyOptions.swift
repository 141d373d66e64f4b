import ArgumentParser
import DSRCore
import DSRXML
import Foundation

/// `--policy FILE`, shared by every command that reasons about deadlines.
struct PolicyOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Policy file (XML). Default: $DSR_POLICY, else the embedded Kaiserslautern policy.",
            valueName: "file"))
    var policy: String?

    /// The policy file named by `--policy`, else `$DSR_POLICY`; nil for the stored or embedded one.
    var file: String? {
        policy ?? Setting.value("DSR_POLICY")
    }

    /// The policy in force: `--policy`, else `$DSR_POLICY`, else the one `dsr init` stored in
    /// the database (`stored`), else the embedded default.
    func load(stored: (text: String, source: String)? = nil) throws -> LoadedPolicy {
        if let file { return try PolicyLoader.load(path: file) }
        if let stored { return try PolicyLoader.load(text: stored.text, file: stored.source) }
        return try PolicyLoader.loadDefault()
    }

    /// The deadline engine for the policy in force.
    func engine() throws -> DeadlineEngine {
        let loaded = try load()
        return try DeadlineEngine(policy: loaded.policy, holidayRules: loaded.holidayRules)
    }
}

/// `--lang` and `--json`, shared by commands that print.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Language of human output: de or en.")
    var lang: Language = .de

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false
}

extension Language: ExpressibleByArgument {}
