import ArgumentParser
import DSRCore
import Foundation

/// `dsr duty done NAME --channel C [--at WHEN] [--link URL]`: a recurring duty of the policy
/// was done on one channel (recorded as an event of the tracker).
struct DutyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duty", abstract: "Record that a recurring duty was done.", subcommands: [Done.self])

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A duty was done on one channel.")

        @Argument(help: ArgumentHelp("The duty (dsr duties names them).", valueName: "name"))
        var name: String

        @Option(name: .long, help: ArgumentHelp("Where it was done (one of the duty's channels).", valueName: "channel"))
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
            let context = try CaseContext(store: store, policy: policy, requiring: .clerk, to: "recording a duty")
            let duties = context.policyForNewCases().engine.policy.duties
            guard let duty = duties.first(where: { $0.id == name }) else {
                let known = duties.map(\.id).joined(separator: ", ")
                throw DSRCoreError.stepRefused("the policy names no duty '\(name)' (known: \(known.isEmpty ? "none" : known))")
            }
            guard duty.channels.contains(channel) else {
                throw DSRCoreError.stepRefused("duty '\(name)' is not done on '\(channel)' (its channels: \(duty.channels.joined(separator: ", ")))")
            }
            if let link {
                guard link.count <= 2000, link.hasPrefix("https://") || link.hasPrefix("http://"),
                    !link.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F })
                else { throw DSRCoreError.invalidText("--link must be an http(s) address without spaces") }
            }
            let at = try context.moment(at)
            try StepRules.refuseFuture(at, now: context.now, option: "--at")
            try context.store.recordDutyDone(duty: name, channel: channel, link: link, at: at, actor: context.actor, now: context.now)
            FileHandle.standardOutput.write(Data("\(name) (\(channel)): \(HumanFormat(language: lang, zone: context.policyForNewCases().engine.zone).instant(at))\n".utf8))
        }
    }
}
