import DSRCore
import Foundation
import Logging

/// Builds the deadline engine for a policy, given its hash and text (callers cache).
public typealias EngineProvider = (_ hash: String, _ text: String) throws -> DeadlineEngine

/// Appends events for any number of cases inside one write transaction of a repository
/// (`CaseRepository.bulk`): imports and the demo log thousands of cases in one go. The caller
/// keeps each case's state and saves its projection when done with it.
public protocol CaseWriteBatch: AnyObject {
    /// Logs a new case: stores its policy if new, numbers it in its year of receipt and
    /// appends its `received` event.
    func log(
        _ newCase: NewCase, policy: PolicyReference, engine: DeadlineEngine, actor: String, recordedAt: Instant
    ) throws -> (EventRecord, CaseState)

    /// Appends a step to a case after checking it makes sense (`StepRules`); applies it to `state`.
    func record(
        _ event: Event, on state: inout CaseState, personal: [PersonalField: String], at occurredAt: Instant,
        actor: String, recordedAt: Instant, policy: Policy
    ) throws -> EventRecord

    /// Writes the projection of a case as it now stands; returns its schedule.
    @discardableResult
    func saveProjection(_ state: CaseState, engine: DeadlineEngine, now: Instant) throws -> Schedule
}

/// A tracker's record in a database: the event log with its hash chain, the vault, the case
/// projection, the staff accounts and their web credentials, the stored policies and settings. Every write is one
/// transaction that commits whole or not at all; reads see one snapshot. The application
/// layer works only through this protocol; SQLite (`CaseStore`) implements it, and so will
/// PostgreSQL, storing the rows `ChainLinker` produces.
public protocol CaseRepository: CaseRecords, SignInRecords, InboxRecords, TokenRecords {
    /// Where the record lives, as messages name it (a file path, a database URL without password).
    var location: String { get }
    /// Where the repository says what it does; it never logs personal data or SQL arguments.
    var logger: Logger { get }

    // MARK: Schema, policies, settings
    /// The names of the migrations applied.
    func schemaVersion() throws -> [String]
    /// Asks the database the simplest question; throws if it cannot be reached (`/healthz`).
    func checkReachable() throws
    /// How many cases and events the record holds.
    func counts() throws -> (cases: Int, events: Int)
    /// Stores a policy text (once per content hash), as the default for new cases if asked; returns its hash.
    @discardableResult
    func storePolicy(text: String, source: String, now: Instant, makeDefault: Bool) throws -> String
    /// The policy `dsr init` chose, if any.
    func defaultPolicy() throws -> (text: String, source: String)?
    /// The text of a stored policy.
    func policyText(hash: String) throws -> String
    func setting(_ key: String) throws -> String?
    func setSetting(_ key: String, to value: String) throws

    // MARK: The vault
    /// Whether personal data is sealed, and whether this process can open it.
    var vaultState: (sealed: Bool, readable: Bool) { get }
    /// Whether the process holds a vault key the record has not adopted yet.
    var vaultKeyAwaitsAdoption: Bool { get }
    /// Makes the record adopt the process's vault key: seals every text, in one transaction.
    func adoptVaultKey() throws

    // MARK: Cases
    /// Logs a new case under `policy`: number, `received` event, projection, in one transaction.
    func logCase(
        _ newCase: NewCase, policy: PolicyReference, engine: DeadlineEngine, actor: String, now: Instant
    ) throws -> Recorded
    /// Records a step on a case if `visibility` allows the case and the step makes sense
    /// (`StepRules`), both checked inside the transaction.
    func record(
        _ event: Event, on caseID: CaseID, personal: [PersonalField: String], at occurredAt: Instant,
        actor: String, visibility: CaseVisibility, now: Instant, engine provider: EngineProvider
    ) throws -> Recorded
    /// Corrects a person's name or contact (Art. 16): the new values in, the old ones erased.
    func rectify(
        _ caseID: CaseID, values: [PersonalField: String], at occurredAt: Instant, actor: String, now: Instant,
        visibility: CaseVisibility, engine provider: EngineProvider
    ) throws -> Recorded
    /// Runs `body` in one write transaction with a batch that appends events for many cases.
    func bulk<T>(_ body: (any CaseWriteBatch) throws -> T) throws -> T
    func events(of caseID: CaseID) throws -> [EventRecord]
    func personalData(of caseID: CaseID) throws -> CasePersonalData
    func summary(of caseID: CaseID) throws -> CaseSummary?
    func cases(_ filter: CaseFilter) throws -> [CaseSummary]
    /// The cases whose (current) subject name contains `text`; refused without the vault key.
    func cases(subjectContaining text: String) throws -> [CaseSummary]

    // MARK: The tracker's own events
    func recordDutyDone(duty: String, channel: String, link: String?, at: Instant, actor: String, now: Instant) throws
    func recordExport(format: String, from: CivilDate, to: CivilDate, actor: String, now: Instant) throws
    /// Records in the log that a backup with this SHA-256 was written (the file itself is
    /// written by the application layer: `Session.backup`).
    func recordBackup(sha256: String, actor: String, now: Instant) throws

    // MARK: Retention and integrity
    /// The closed cases whose retention ran out before `now` and that still hold personal data.
    func purgeCandidates(at now: Instant, engine: (CaseSummary) throws -> DeadlineEngine) throws -> [PurgeCandidate]
    /// Erases their personal data and keys, with a `purged` event each, in one transaction.
    func purge(_ candidates: [PurgeCandidate], actor: String, now: Instant, engine provider: EngineProvider) throws
    /// Walks the whole chain and the vault (`ChainCheck`).
    func verify(parallelism: Int) throws -> VerificationReport

    // MARK: Staff accounts
    func accounts() throws -> [StaffAccount]
    /// Applies staff changes, each checked by `StaffRules` inside the transaction.
    @discardableResult
    func changeStaff(_ changes: [StaffChange], actor: String, role: Role?, now: Instant) throws -> [StaffAccount]
    /// Creates accounts from a policy's staff list, unchecked (the one-time migration).
    func seedStaff(_ users: [StaffUser], actor: String, now: Instant) throws
}

extension CaseWriteBatch {
    /// Appends a step without personal data.
    public func record(
        _ event: Event, on state: inout CaseState, at occurredAt: Instant, actor: String, recordedAt: Instant,
        policy: Policy
    ) throws -> EventRecord {
        try record(
            event, on: &state, personal: [:], at: occurredAt, actor: actor, recordedAt: recordedAt, policy: policy)
    }
}

extension CaseRepository {
    /// Walks the whole chain on all cores.
    public func verify() throws -> VerificationReport {
        try verify(parallelism: ProcessInfo.processInfo.activeProcessorCount)
    }
}
