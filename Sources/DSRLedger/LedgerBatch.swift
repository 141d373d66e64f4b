import DSRCore
import Foundation
import Logging

/// The writes of the use cases inside one transaction of any backend: numbering, the checks
/// of `StepRules`, the projection, over a backend's `LedgerStorage`. The backend opens the
/// transaction, hands its storage to a batch, and commits after `finish`.
package final class LedgerBatch: CaseWriteBatch {
    package let storage: any LedgerStorage
    /// Where the use cases say what they did (never personal data).
    private let logger: Logger
    private var storedPolicies: Set<String> = []
    private var nextNumberByYear: [Int: Int] = [:]

    package init(_ storage: any LedgerStorage, logger: Logger) {
        self.storage = storage
        self.logger = logger
    }

    /// Writes the chain head; call once before the transaction commits.
    package func finish() throws {
        try storage.finishChain()
    }

    /// Logs a new case: stores its policy if new, numbers it in its year of receipt (gapless:
    /// the transaction holds the chain head, so no other writer numbers at the same time) and
    /// appends its `received` event. Save its projection once its steps are recorded.
    package func log(
        _ newCase: NewCase, policy: PolicyReference, engine: DeadlineEngine, actor: String, recordedAt: Instant
    ) throws -> (EventRecord, CaseState) {
        if !storedPolicies.contains(policy.hash) {
            try storage.storePolicyIfMissing(policy, at: recordedAt)
            storedPolicies.insert(policy.hash)
        }
        let year = CivilDate(dayNumber: engine.zone.localDayNumber(at: newCase.received)).year
        let number = try nextNumberByYear[year] ?? storage.highestCaseNumber(year: year) + 1
        nextNumberByYear[year] = number + 1
        let event = Event.received(
            kinds: newCase.kinds, channel: newCase.channel, claimantDue: newCase.claimantDue, policyHash: policy.hash)
        let record = try storage.append(
            event, to: CaseID(year: year, number: number), personal: newCase.personal,
            occurredAt: newCase.received, recordedAt: recordedAt, actor: actor)
        return (record, CaseState(first: record)!)
    }

    /// Appends a step to a case after checking it makes sense (`StepRules`); applies it to
    /// `state`. The projection is saved separately (`saveProjection`).
    package func record(
        _ event: Event, on state: inout CaseState, personal: [PersonalField: String], at occurredAt: Instant,
        actor: String, recordedAt: Instant, policy: Policy
    ) throws -> EventRecord {
        try StepRules.check(event, at: occurredAt, on: state, now: recordedAt, policy: policy)
        let record = try storage.append(
            event, to: state.id, personal: personal, occurredAt: occurredAt, recordedAt: recordedAt, actor: actor)
        state.apply(record)
        return record
    }

    /// Writes the projection row of a case as it now stands; returns its schedule.
    @discardableResult
    package func saveProjection(_ state: CaseState, engine: DeadlineEngine, now: Instant) throws -> Schedule {
        let schedule = try engine.schedule(for: state, at: now)
        try storage.saveProjection(CaseSummary(state: state, schedule: schedule))
        return schedule
    }

    /// Appends an event of the tracker itself (filed under `CaseID.tracker`).
    @discardableResult
    package func appendTrackerEvent(
        _ event: Event, personal: [PersonalField: String] = [:], at: Instant, actor: String, now: Instant
    ) throws -> EventRecord {
        try storage.append(event, to: .tracker, personal: personal, occurredAt: at, recordedAt: now, actor: actor)
    }

    /// The state of a case folded from its events, or nil if there is no such case.
    package func state(of caseID: CaseID) throws -> CaseState? {
        CaseState(events: try storage.events(of: caseID))
    }

    /// The engine of a stored policy.
    private func engine(hash: String, provider: EngineProvider) throws -> DeadlineEngine {
        guard let text = try storage.policyText(hash: hash) else { throw LedgerError.missingPolicy(hash) }
        return try provider(hash, text)
    }

    // MARK: - Use cases

    /// Logs a new case with its `received` event and projection.
    package func logCase(
        _ newCase: NewCase, policy: PolicyReference, engine: DeadlineEngine, actor: String, now: Instant
    ) throws -> Recorded {
        let (record, state) = try log(newCase, policy: policy, engine: engine, actor: actor, recordedAt: now)
        let schedule = try saveProjection(state, engine: engine, now: now)
        return Recorded(record: record, state: state, schedule: schedule)
    }

    /// One write on a case: `step` gets the case's events, its state and the engine of its
    /// policy and appends its event; the projection is saved after. A case `visibility` does not
    /// allow is refused.
    package func onCase(
        _ caseID: CaseID, visibility: CaseVisibility, now: Instant, engine provider: EngineProvider,
        _ step: (LedgerBatch, [EventRecord], inout CaseState, DeadlineEngine) throws -> EventRecord
    ) throws -> Recorded {
        let events = try storage.events(of: caseID)
        guard var state = CaseState(events: events) else { throw LedgerError.unknownCase(caseID.rawValue) }
        try visibility.require(caseID, assignee: state.assignee)
        let engine = try engine(hash: state.policyHash, provider: provider)
        let record = try step(self, events, &state, engine)
        let schedule = try saveProjection(state, engine: engine, now: now)
        return Recorded(record: record, state: state, schedule: schedule)
    }

    /// Records a step on a case the actor may see, if it makes sense for it as it stands.
    package func record(
        _ event: Event, on caseID: CaseID, personal: [PersonalField: String], at occurredAt: Instant,
        actor: String, visibility: CaseVisibility, now: Instant, engine provider: EngineProvider
    ) throws -> Recorded {
        try onCase(caseID, visibility: visibility, now: now, engine: provider) { batch, _, state, engine in
            try batch.record(
                event, on: &state, personal: personal, at: occurredAt, actor: actor, recordedAt: now,
                policy: engine.policy)
        }
    }

    /// Corrects a person's name or contact (Art. 16 GDPR): a `rectified` event carrying the
    /// new values and the commitments of the values it replaces, then every earlier text of
    /// those fields in the case erased with its key. The chain still verifies: commitments stay.
    package func rectify(
        _ caseID: CaseID, values: [PersonalField: String], at occurredAt: Instant, actor: String, now: Instant,
        visibility: CaseVisibility, engine provider: EngineProvider
    ) throws -> Recorded {
        try onCase(caseID, visibility: visibility, now: now, engine: provider) { batch, events, state, engine in
            var replaces: [PersonalField: String] = [:]
            for field in values.keys {
                // The value in force is the latest event's that still holds this field.
                let holders = try batch.storage.eventsHolding(field, in: caseID)
                if let current = events.last(where: { holders.contains($0.id.rawValue) }) {
                    replaces[field] = current.commitments[field]
                }
            }
            let record = try batch.record(
                .rectified(replaces: replaces), on: &state, personal: values, at: occurredAt, actor: actor,
                recordedAt: now, policy: engine.policy)
            for field in values.keys {
                _ = try batch.storage.erase(in: caseID, field: field, before: record.id)
            }
            batch.logger.info(
                "rectified personal data",
                metadata: ["case": "\(caseID)", "fields": "\(values.keys.sorted().map(\.rawValue))"])
            return record
        }
    }

    /// Erases the personal data of closed cases — texts and keys together — with a `purged`
    /// event each; returns how many texts it erased. A case reopened meanwhile is left alone.
    @discardableResult
    package func purge(
        _ candidates: [PurgeCandidate], actor: String, now: Instant, engine provider: EngineProvider
    ) throws -> Int {
        var total = 0
        for candidate in candidates {
            guard var state = try state(of: candidate.caseID), state.lifecycle != .open else { continue }
            let engine = try engine(hash: state.policyHash, provider: provider)
            let erased = try storage.erase(in: candidate.caseID, field: nil, before: nil)
            let record = try storage.append(
                .purged(records: erased), to: candidate.caseID, personal: [:], occurredAt: now, recordedAt: now,
                actor: actor)
            state.apply(record)
            try saveProjection(state, engine: engine, now: now)
            logger.info("purged personal data", metadata: ["case": "\(candidate.caseID)", "records": "\(erased)"])
            total += erased
        }
        return total
    }

    // MARK: - Staff

    /// Applies staff changes, each checked by `StaffRules` against the accounts as they stand
    /// in this transaction; each becomes an event of the tracker and updates the account row.
    package func changeStaff(_ changes: [StaffChange], actor: String, role: Role?, now: Instant) throws
        -> [StaffAccount]
    {
        var changed: [StaffAccount] = []
        for change in changes {
            let accounts = try storage.accounts()
            try StaffRules.permit(change, by: actor, role: role, accounts: accounts)
            let record = try appendTrackerEvent(change.event, at: now, actor: actor, now: now)
            let account = change.applied(to: accounts.first { $0.login == change.login }, at: now, by: record.id)
            try storage.saveAccount(account)
            changed.append(account)
        }
        return changed
    }

    /// Creates an account for each user of a policy's staff list, unchecked (the one-time
    /// migration from the policy's `<users>`). Each is a `staff-added` event.
    package func seedStaff(_ users: [StaffUser], actor: String, now: Instant) throws {
        for user in users {
            let change = StaffChange.add(login: user.login, role: user.role, displayName: nil)
            let record = try appendTrackerEvent(change.event, at: now, actor: actor, now: now)
            try storage.saveAccount(change.applied(to: nil, at: now, by: record.id))
        }
    }

    /// Whether a staff account exists; refuses with a clear message if not.
    package func requireAccount(_ login: String) throws {
        guard try storage.accounts().contains(where: { $0.login == login }) else {
            throw DSRCoreError.notFound("there is no staff account '\(login)'")
        }
    }

    // MARK: - Inbox

    /// Takes one message in: a new item with a `message-received` event holding its personal
    /// data, or one more arrival counted on the item with the same Message-ID and content. A
    /// known Message-ID with other content is taken in, flagged `duplicate-message-id`.
    package func addInboxItem(_ item: NewInboxItem, actor: String, now: Instant) throws -> InboxAddition {
        var flags = item.flags
        if let hash = item.messageIDHash {
            let known = try storage.inboxItems(messageIDHash: hash)
            if let same = known.first(where: { $0.contentHash == item.contentHash }) {
                try storage.countDuplicate(ofInboxItem: same.id)
                return .duplicate(try inboxItem(same.id))
            }
            if !known.isEmpty { flags.append("duplicate-message-id") }
        }
        let id = try storage.nextInboxID()
        let record = try appendTrackerEvent(
            .messageReceived(item: id, sha256: item.sha256, size: item.size, evidence: item.evidence, flags: flags),
            personal: item.personal, at: now, actor: actor, now: now)
        try storage.insertInboxItem(id: id, item, flags: flags, eventID: record.id, now: now)
        return .added(try inboxItem(id))
    }

    /// Opens a case from a new inbox item: its `received` event, its `receipt-evidence` event
    /// (with a clerk's reason for another moment, if any), the item marked as made a case.
    package func logCase(
        fromItem id: Int, _ newCase: NewCase, evidence: Event, reason: String?, policy: PolicyReference,
        engine: DeadlineEngine, actor: String, now: Instant
    ) throws -> Recorded {
        try requireNewInboxItem(id)
        let (received, first) = try log(newCase, policy: policy, engine: engine, actor: actor, recordedAt: now)
        var state = first
        let personal: [PersonalField: String] = reason.map { [.reason: $0] } ?? [:]
        state.apply(
            try storage.append(
                evidence, to: state.id, personal: personal, occurredAt: newCase.received, recordedAt: now,
                actor: actor))
        let schedule = try saveProjection(state, engine: engine, now: now)
        try storage.markInboxItem(id, madeCase: state.id, at: now)
        return Recorded(record: received, state: state, schedule: schedule)
    }

    /// Dismisses a new inbox item with a reason (in the vault).
    package func dismissInboxItem(_ id: Int, reason: String, actor: String, now: Instant) throws -> InboxItem {
        try requireNewInboxItem(id)
        let record = try appendTrackerEvent(
            .messageDismissed(item: id), personal: [.reason: reason], at: now, actor: actor, now: now)
        try storage.markInboxItem(id, dismissedBy: record.id, at: now)
        return try inboxItem(id)
    }

    /// An item this transaction knows exists.
    package func inboxItem(_ id: Int) throws -> InboxItem {
        guard let item = try storage.inboxItem(id) else { throw DSRCoreError.notFound("no inbox item \(id)") }
        return item
    }

    /// Refuses unless the item is new (not yet made a case, dismissed or unreadable).
    private func requireNewInboxItem(_ id: Int) throws {
        let item = try inboxItem(id)
        guard item.state == .new else {
            let what =
                switch item.state {
                case .caseOpened: "was made case \(item.caseID?.rawValue ?? "")"
                case .dismissed: "was dismissed"
                case .unreadable: "could not be read"
                case .new: ""
                }
            throw DSRCoreError.stepRefused("inbox item \(id) \(what)")
        }
    }
}
