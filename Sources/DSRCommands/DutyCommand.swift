import ArgumentParser
import DSRApp
import DSRCore
import Foundation

/// `dsr duty done NAME --channel C [--at WHEN] [--link URL]`: a recurring duty of the policy
/// was done on one channel (recorded as an event of the tracker).
struct DutyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duty", abstract: "Record that a recurring duty was done.", subcommands: [Done.self])

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "done", abstract: "A duty was done on one channel.")

        @Argument(help: ArgumentHelp("The duty (dsr duties names them).", valueName: "name"))
        var name: String

        @Option(
            name: .long, help: ArgumentHelp("Where it was done (one of the duty's channels).", valueName: "channel"))
        var channel: String

        @Option(name: .long, help: ArgumentHelp("When it was done (default: now).", valueName: "when"))
        var at: String?

        @Option(name: .long, help: ArgumentHelp("The public address of the post or notice.", valueName: "url"))
        var link: String?

        @Option(name: .long, help: "Language of the output: de or en.")
        var lang: Language = .de

        @OptionGroup var store: StoreOptions
        @OptionGroup var policy: PolicyOptions

        func run() throws {
            let session = try store.session(policy: policy, for: .recordDuty)
            let at = try session.moment(at)
            try namingFlags(["the link": "--link", "the moment the duty was done": "--at"]) {
                try session.recordDutyDone(duty: name, channel: channel, link: link, at: at)
            }
            FileHandle.standardOutput.write(
                Data(
                    "\(name) (\(channel)): \(HumanFormat(language: lang, zone: session.tracker.engine.zone).instant(at))\n"
                        .utf8))
        }
    }
}
