import DSRCore
import Foundation

/// The rows one write transaction of a backend reads and writes for the shared use cases
/// (`LedgerBatch`): SQLite and PostgreSQL each implement it over their own tables, and every
/// rule (numbering, `StepRules`, `StaffRules`, which texts a rectification erases, inbox
/// duplicates) lives once, in DSRLedger. Every method runs inside the one open transaction.
package protocol LedgerStorage: AnyObject {
    /// Links an event into the chain (`ChainLinker`) and inserts its rows and vault texts.
    func append(
        _ event: Event, to caseID: CaseID, personal: [PersonalField: String], occurredAt: Instant,
        recordedAt: Instant, actor: String
    ) throws -> EventRecord
    /// Writes the new chain head; called once, before the transaction commits.
    func finishChain() throws

    /// Stores a policy text unless one with its hash is stored.
    func storePolicyIfMissing(_ policy: PolicyReference, at: Instant) throws
    /// The text of a stored policy, if it is stored.
    func policyText(hash: String) throws -> String?
    /// The highest case number of a year (0 before its first case).
    func highestCaseNumber(year: Int) throws -> Int
    /// The events of a case, oldest first.
    func events(of caseID: CaseID) throws -> [EventRecord]
    /// Inserts or replaces a case's projection row.
    func saveProjection(_ summary: CaseSummary) throws

    /// The events of a case that still hold a text of `field`.
    func eventsHolding(_ field: PersonalField, in caseID: CaseID) throws -> Set<Int64>
    /// Erases the texts of a case (only those of `field`, only of events before `before`, when
    /// given) with their keys; returns how many were erased.
    func erase(in caseID: CaseID, field: PersonalField?, before: EventID?) throws -> Int

    /// Every staff account, by login.
    func accounts() throws -> [StaffAccount]
    /// Inserts or replaces an account's row.
    func saveAccount(_ account: StaffAccount) throws

    /// The inbox items with this Message-ID hash, oldest first, with their content hash.
    func inboxItems(messageIDHash: String) throws -> [(id: Int, contentHash: String?)]
    /// Counts one more arrival of the same message on an item.
    func countDuplicate(ofInboxItem id: Int) throws
    /// The id the next inbox item gets.
    func nextInboxID() throws -> Int
    /// Inserts a new item (state `new`) whose personal data is under `eventID`.
    func insertInboxItem(id: Int, _ item: NewInboxItem, flags: [String], eventID: EventID, now: Instant) throws
    /// An inbox item as it stands in this transaction.
    func inboxItem(_ id: Int) throws -> InboxItem?
    /// Marks a new item as made case `caseID`.
    func markInboxItem(_ id: Int, madeCase caseID: CaseID, at: Instant) throws
    /// Marks a new item as dismissed by the event `eventID` (whose vault holds the reason).
    func markInboxItem(_ id: Int, dismissedBy eventID: EventID, at: Instant) throws
}
