import Foundation

/// The result of walking the hash chain.
public struct VerificationReport: Sendable, Equatable {
    /// The first thing found wrong.
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// The event's stored content no longer matches its hash.
        case changed(event: Int64, caseID: String)
        /// Events are missing before this one.
        case removed(before: Int64, missingFrom: Int64)
        /// The event is not part of the chain: inserted, or put in another's place.
        case inserted(event: Int64)
        /// Events after the last one present were removed (the chain head names a later one).
        case truncated(lastPresent: Int64, head: Int64)
        /// Personal data no longer matches the commitment its event holds.
        case personalDataChanged(event: Int64, field: String)
        /// The last event's hash differs from the recorded chain head.
        case headMismatch(event: Int64)

        public var description: String {
            switch self {
            case .changed(let event, let caseID):
                "event \(event) (case \(caseID)) was changed: its content no longer matches its hash"
            case .removed(let before, let from):
                "event(s) \(from)–\(before - 1) were removed: event \(before) follows event \(from - 1)"
            case .inserted(let event): "event \(event) was inserted: it is not part of the chain"
            case .truncated(let last, let head): "events after \(last) were removed: the chain head names event \(head)"
            case .personalDataChanged(let event, let field):
                "the \(field) of event \(event) was changed in the vault: it no longer matches its commitment"
            case .headMismatch(let event):
                "event \(event) does not match the recorded chain head: the event or the head was altered"
            }
        }
    }

    /// Events checked.
    public var events: Int
    /// The hash of the last event (hex), or of nothing.
    public var head: String
    /// Vault records whose personal data was erased, purged or rectified (their commitments
    /// remain).
    public var purgedRecords: Int
    /// Sealed vault records not checked because the process has no vault key.
    public var sealedUnchecked: Int = 0
    public var problem: Problem?

    public var isIntact: Bool { problem == nil }

    package init(events: Int, head: String, purgedRecords: Int, sealedUnchecked: Int, problem: Problem?) {
        self.events = events
        self.head = head
        self.purgedRecords = purgedRecords
        self.sealedUnchecked = sealedUnchecked
        self.problem = problem
    }
}
