import ArgumentParser
import DSRApp
import DSRCore
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
        let session = try store.session(policy: policy, for: .findPerson)
        try CaseListing(language: output.lang).print(
            try session.findCases(subjectContaining: needle), json: output.json)
    }
}
