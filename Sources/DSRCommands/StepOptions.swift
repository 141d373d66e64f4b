import ArgumentParser
import DSRCore
import DSRStore
import Foundation

/// What every step command takes: the case, `--at WHEN` (default now), the database, the
/// policy and the output options.
struct StepOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The case id (2026-00042).", valueName: "case"))
    var caseID: String

    @Option(name: .long, help: ArgumentHelp("When the step happened (default: now).", valueName: "when"))
    var at: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard CaseID(caseID) != nil else {
            throw ValidationError("'\(caseID)' is not a case id; case ids look like 2026-00042")
        }
    }

    /// Records the step `makeEvent` builds (given the context and the step's moment), with
    /// its personal data, and prints where the case now stands.
    func record(
        personal: [PersonalField: String] = [:], _ makeEvent: (CaseContext, Instant) throws -> Event
    ) throws {
        let context = try CaseContext(store: store, policy: policy)
        let at = try context.moment(at)
        let recorded = try context.store.record(
            try makeEvent(context, at), on: CaseID(caseID)!, personal: personal, at: at,
            actor: context.actor, now: context.now, engine: context.engine(hash:text:))
        let engine = try context.engine(for: try context.store.summary(of: recorded.state.id)!)
        CaseOutput(language: output.lang, engine: engine).printRecorded(recorded, json: output.json)
    }
}
