import ArgumentParser
import DSRCore
import DSRStore
import Foundation

/// `dsr find --subject TEXT`: all cases of a person (name contains TEXT, ignoring case).
struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "find", abstract: "Find all cases of a person.")

    @Option(name: .long, help: ArgumentHelp("Part of the person's name (- reads standard input).", valueName: "text"))
    var subject: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let needle = try PersonalText.read(subject, field: .subject, option: "--subject")!
        let context = try CaseContext(store: store, policy: policy)
        let listing = CaseListing(context: context, language: output.lang)
        listing.print(try listing.entries(try context.store.cases(subjectContaining: needle), at: context.now), json: output.json)
    }
}
