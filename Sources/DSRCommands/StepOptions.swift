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
    /// its personal data, and prints where the case now stands. Refuses unless the user has
    /// at least `role` (`action` names the step) and may work on the case.
    func record(
        personal: [PersonalField: String] = [:], requiring role: Role = .clerk, to action: String = "recording a step",
        _ makeEvent: (CaseContext, Instant) throws -> Event
    ) throws {
        try write(requiring: role, to: action) { context, caseID, at in
            try context.store.record(
                try makeEvent(context, at), on: caseID, personal: personal, at: at,
                actor: context.actor, now: context.now, engine: context.engine(hash:text:))
        }
    }

    /// Runs a write on the case at the step's moment, after the role and case checks of
    /// `record`, and prints where the case now stands.
    func write(
        requiring role: Role, to action: String, _ body: (CaseContext, CaseID, Instant) throws -> Recorded
    ) throws {
        let context = try CaseContext(store: store, policy: policy, requiring: role, to: action)
        let id = CaseID(caseID)!
        if let summary = try context.store.summary(of: id) { try context.access.requireCase(summary) }
        let recorded = try body(context, id, try context.moment(at))
        let engine = try context.engine(for: try context.store.summary(of: recorded.state.id)!)
        CaseOutput(language: output.lang, engine: engine).printRecorded(recorded, json: output.json)
    }
}
