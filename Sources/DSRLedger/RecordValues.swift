import DSRCore
import Foundation

/// A new case as the clerk logs it.
public struct NewCase: Sendable {
    public var kinds: [RequestKind]
    public var channel: Channel
    public var received: Instant
    public var claimantDue: CivilDate?
    /// Subject name, contact, reference, note: kept in the vault.
    public var personal: [PersonalField: String]

    public init(
        kinds: [RequestKind], channel: Channel, received: Instant, claimantDue: CivilDate? = nil,
        personal: [PersonalField: String] = [:]
    ) {
        self.kinds = kinds
        self.channel = channel
        self.received = received
        self.claimantDue = claimantDue
        self.personal = personal
    }
}

/// A policy as a case refers to it: content hash, text, where it came from.
public struct PolicyReference: Sendable {
    public var hash: String
    public var text: String
    public var source: String

    public init(text: String, source: String) {
        self.text = text
        self.source = source
        hash = Chain.sha256Hex(text)
    }
}

/// What a write produced: the event as recorded, and the case as it now stands.
public struct Recorded: Sendable {
    public var record: EventRecord
    public var state: CaseState
    public var schedule: Schedule

    package init(record: EventRecord, state: CaseState, schedule: Schedule) {
        self.record = record
        self.state = state
        self.schedule = schedule
    }
}

/// Which cases `dsr list` shows.
public struct CaseFilter: Sendable {
    public var channel: Channel?
    public var kind: RequestKind?
    public var assignee: String?
    public var receivedFrom: Instant?
    public var receivedTo: Instant?
    public var lifecycles: [CaseState.Lifecycle]?
    /// Only the cases that still owe an answer (read through the index of active cases).
    public var activeOnly = false

    public init() {}
}

/// A closed case whose personal data has outlived its retention period.
public struct PurgeCandidate: Sendable, Equatable {
    public var caseID: CaseID
    public var closedAt: Instant
    /// The last day of retention.
    public var retainedUntil: CivilDate
    /// Vault records that still hold personal data.
    public var records: Int

    package init(caseID: CaseID, closedAt: Instant, retainedUntil: CivilDate, records: Int) {
        self.caseID = caseID
        self.closedAt = closedAt
        self.retainedUntil = retainedUntil
        self.records = records
    }
}
