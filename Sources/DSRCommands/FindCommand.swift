import ArgumentParser
import DSRCore
import DSRStore
import Foundation

/// `dsr find --subject TEXT`: all cases of a person (name contains TEXT, ignoring case).
struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "find", abstract: "Find all cases of a person.")

    @OptionGroup var query: SubjectQuery
    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let needle = try query.needle()
        let context = try CaseContext(store: store, policy: policy, requiring: .clerk, to: "finding a person's cases")
        let listing = CaseListing(context: context, language: output.lang)
        listing.print(try listing.entries(try context.store.cases(subjectContaining: needle).filter(context.access.maySee), at: context.now), json: output.json)
    }
}
