import ArgumentParser
import DSRApp
import DSRCore
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

    /// Records the step `makeStep` builds (given the session) and prints where the case now
    /// stands.
    func record(_ makeStep: (Session) throws -> Step) throws {
        let session = try store.session(policy: policy, for: .recordStep)
        let step = try makeStep(session)
        let at = try moment(in: session)
        let change = try namingFlags(["the moment of the step": "--at"]) {
            try session.record(step, on: CaseID(caseID)!, at: at)
        }
        try CaseOutput(language: output.lang, engine: change.engine).printRecorded(change, json: output.json)
    }

    /// Records a rectification of the person's name or contact and prints where the case stands.
    func rectify(_ values: [PersonalField: String]) throws {
        let session = try store.session(policy: policy, for: .rectifyPersonalData)
        let change = try session.rectify(CaseID(caseID)!, values: values, at: try moment(in: session))
        try CaseOutput(language: output.lang, engine: change.engine).printRecorded(change, json: output.json)
    }

    /// The moment `--at` names in the session's zone (nil: now).
    private func moment(in session: Session) throws -> Instant? {
        try at.map { try session.instant($0) }
    }
}
