import ArgumentParser
import DSRApp
import DSRCore
import DSRLedger
import Foundation

/// `dsr inbox [show ITEM | dismiss ITEM --reason TEXT]`: the messages taken in, not yet cases.
struct InboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox", abstract: "List, show or dismiss the messages in the inbox.",
        discussion: """
            Make an item a case with dsr log --from-item ITEM --kind …; dismiss what is no \
            data-subject request. Items made a case or dismissed keep their message for the \
            policy's inbox retention (P30D); dsr purge then erases it.
            """,
        subcommands: [List.self, Show.self, Dismiss.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the inbox, newest first.")

        @Option(name: .long, help: "Only items in this state: new, case, dismissed or unreadable.")
        var state: InboxState?

        @Option(name: .long, help: "At most this many items.")
        var limit = 50

        @OptionGroup var store: StoreOptions
        @OptionGroup var policy: PolicyOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard (1...10_000).contains(limit) else { throw ValidationError("--limit takes 1 to 10000") }
        }

        func run() throws {
            let session = try store.session(policy: policy, for: .readInbox)
            let entries = try session.inbox(InboxFilter(states: state.map { [$0] } ?? [], limit: limit))
            if output.json {
                try OrderedJSONEncoder.print(entries.map(InboxEntryJSON.init))
                return
            }
            let printer = InboxOutput(language: output.lang, zone: session.tracker.engine.zone)
            let lines = entries.map { printer.line($0.item, sender: $0.sender, subject: $0.subject) + "\n" }
            let empty = output.lang.pick("Der Posteingang ist leer.\n", "The inbox is empty.\n")
            FileHandle.standardOutput.write(Data((lines.isEmpty ? empty : lines.joined()).utf8))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show an inbox item with its message and evidence.")

        @Argument(help: ArgumentHelp("The item's number.", valueName: "item"))
        var item: Int

        @OptionGroup var store: StoreOptions
        @OptionGroup var policy: PolicyOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let session = try store.session(policy: policy, for: .readInbox)
            let detail = try session.inboxItem(item)
            if output.json {
                try OrderedJSONEncoder.print(InboxDetailJSON(detail))
            } else {
                let printer = InboxOutput(language: output.lang, zone: session.tracker.engine.zone)
                FileHandle.standardOutput.write(Data(printer.detail(detail).utf8))
            }
        }
    }

    struct Dismiss: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dismiss", abstract: "Dismiss an item: no data-subject request.")

        @Argument(help: ArgumentHelp("The item's number.", valueName: "item"))
        var item: Int

        @Option(
            name: .long,
            help: ArgumentHelp("Why (\"keine Betroffenenanfrage\"); - reads standard input.", valueName: "text"))
        var reason: String

        @OptionGroup var store: StoreOptions
        @OptionGroup var policy: PolicyOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let text = try PersonalText.read(reason, field: .reason, option: "--reason") ?? ""
            let session = try store.session(policy: policy, for: .settleInboxItem)
            let dismissed = try session.dismiss(item: item, reason: text)
            if output.json {
                try OrderedJSONEncoder.print(InboxItemJSON(dismissed))
            } else {
                let printer = InboxOutput(language: output.lang, zone: session.tracker.engine.zone)
                FileHandle.standardOutput.write(Data((printer.line(dismissed) + "\n").utf8))
            }
        }
    }
}

extension InboxState: ExpressibleByArgument {}
