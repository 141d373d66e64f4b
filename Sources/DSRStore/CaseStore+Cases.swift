import DSRCore
import DSRLedger
import Foundation
import GRDB

extension CaseStore {
    /// Logs a new case under `policy`: allocates its number in the year of receipt, appends
    /// the `received` event and writes the projection, all in one transaction.
    public func logCase(
        _ newCase: NewCase, policy: PolicyReference, engine: DeadlineEngine, actor: String, now: Instant
    ) throws -> Recorded {
        try writeBatch { session in
            let (record, state) = try session.log(
                newCase, policy: policy, engine: engine, actor: actor, recordedAt: now)
            let schedule = try session.saveProjection(state, engine: engine, now: now)
            return Recorded(record: record, state: state, schedule: schedule)
        }
    }

    /// Records a step on a case, if the actor may see the case (`visibility`) and the step
    /// makes sense for it as it stands (`StepRules`), both checked inside the transaction, and
    /// updates the projection — in one transaction.
    public func record(
        _ event: Event, on caseID: CaseID, personal: [PersonalField: String] = [:], at occurredAt: Instant,
        actor: String, visibility: CaseVisibility = .every, now: Instant, engine provider: EngineProvider
    ) throws -> Recorded {
        try onCase(caseID, visibility: visibility, now: now, engine: provider) { session, _, state, engine in
            try session.record(
                event, on: &state, personal: personal, at: occurredAt, actor: actor, recordedAt: now,
                policy: engine.policy)
        }
    }

    /// Runs one write on a case in one transaction: `step` gets the case's events, its state
    /// and the engine of its policy, appends its event, and the projection is saved after.
    func onCase(
        _ caseID: CaseID, visibility: CaseVisibility, now: Instant, engine provider: EngineProvider,
        _ step: (BulkSession, [EventRecord], inout CaseState, DeadlineEngine) throws -> EventRecord
    ) throws -> Recorded {
        try writeBatch { session in
            let events = try Self.events(of: caseID, db: session.db)
            guard var state = CaseState(events: events) else { throw DSRStoreError.unknownCase(caseID.rawValue) }
            try visibility.require(caseID, assignee: state.assignee)
            guard let policy = try PolicyRow.fetchOne(session.db, key: state.policyHash) else {
                throw DSRStoreError.missingPolicy(state.policyHash)
            }
            let engine = try provider(policy.hash, policy.text)
            let record = try step(session, events, &state, engine)
            let schedule = try session.saveProjection(state, engine: engine, now: now)
            return Recorded(record: record, state: state, schedule: schedule)
        }
    }

    /// Runs `body` in one write transaction with a session that appends events for any
    /// number of cases (imports and the demo log thousands in one go).
    /// A key the database has not adopted yet is adopted in the same transaction.
    public func bulk<T>(_ body: (any CaseWriteBatch) throws -> T) throws -> T {
        try writeBatch { try body($0) }
    }

    /// `bulk` with the SQLite batch itself, for the store's own multi-row writes.
    func writeBatch<T>(_ body: (BulkSession) throws -> T) throws -> T {
        var written: Vault?
        let result = try write { db in
            let vault = try vaultForWriting(db)
            written = vault
            let session = BulkSession(db: db, writer: try ChainWriter(db, vault: vault, logger: logger))
            let result = try body(session)
            try session.writer.finish()
            return result
        }
        if let written { settle(written) }
        return result
    }

    /// The state of a case folded from its events, or nil if there is no such case.
    static func state(of caseID: CaseID, db: Database) throws -> CaseState? {
        CaseState(events: try events(of: caseID, db: db))
    }

    static func events(of caseID: CaseID, db: Database) throws -> [EventRecord] {
        try EventRow.filter(EventRow.Columns.caseId == caseID.rawValue).order(EventRow.Columns.id)
            .fetchAll(db).map { try $0.record() }
    }

    // MARK: - Reading

    /// The events of a case, oldest first (empty if there is no such case).
    public func events(of caseID: CaseID) throws -> [EventRecord] {
        try pool.read { db in try Self.events(of: caseID, db: db) }
    }

    /// The personal data of a case by event and field, opened through the vault.
    public func personalData(of caseID: CaseID) throws -> CasePersonalData {
        try pool.read { db in try personalData(of: caseID.rawValue, db: db) }
    }

    /// The personal data of a case inside a read.
    func personalData(of caseID: String, db: Database) throws -> CasePersonalData {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT vault.eventId, vault.field, vault.content, vault.sealed FROM vault
                    JOIN event ON event.id = vault.eventId WHERE event.caseId = ?
                    """), arguments: [caseID])
        var result = CasePersonalData()
        for row in rows {
            let eventID: Int64 = row[0]
            let name: String = row[1]
            guard let field = PersonalField(rawValue: name) else { continue }
            result.byEvent[EventID(eventID), default: [:]][field] = try vault.text(
                content: row[2], sealed: row[3], eventID: eventID, field: name)
        }
        return result
    }

    /// The projection row of a case.
    public func summary(of caseID: CaseID) throws -> CaseSummary? {
        try pool.read { db in try ProjectionRow.fetchOne(db, key: caseID.rawValue)?.summary }
    }

    /// The cases that still owe an answer, by internal due date (an index range scan).
    public func activeCases() throws -> [CaseSummary] {
        try pool.read { db in
            try ProjectionRow.filter(ProjectionRow.Columns.active == true)
                .order(ProjectionRow.Columns.internalDue).summaries(db)
        }
    }

    /// Cases by filter, oldest receipt first.
    public func cases(_ filter: CaseFilter) throws -> [CaseSummary] {
        try pool.read { db in
            var request = ProjectionRow.all()
            if filter.activeOnly { request = request.filter(ProjectionRow.Columns.active == true) }
            if let channel = filter.channel {
                request = request.filter(ProjectionRow.Columns.channel == channel.rawValue)
            }
            if let kind = filter.kind {
                request = request.filter(sql: "',' || kinds || ',' LIKE ?", arguments: ["%,\(kind.rawValue),%"])
            }
            if let assignee = filter.assignee { request = request.filter(ProjectionRow.Columns.assignee == assignee) }
            if let from = filter.receivedFrom {
                request = request.filter(ProjectionRow.Columns.receivedAt >= from.secondsSinceEpoch)
            }
            if let to = filter.receivedTo {
                request = request.filter(ProjectionRow.Columns.receivedAt < to.secondsSinceEpoch)
            }
            if let lifecycles = filter.lifecycles {
                request = request.filter(lifecycles.map(\.rawValue).contains(ProjectionRow.Columns.lifecycle))
            }
            return try request.order(
                ProjectionRow.Columns.receivedAt, ProjectionRow.Columns.year, ProjectionRow.Columns.number
            ).summaries(db)
        }
    }

    /// The cases whose subject name contains `text` (ignoring case and diacritics-free
    /// spelling is not attempted: "Müller" does not find "Mueller").
    /// A name given at receipt and later rectified is found by its current value only: the
    /// old value is erased.
    public func cases(subjectContaining text: String) throws -> [CaseSummary] {
        if case .locked = vault { throw LedgerError.vaultKeyRequired(action: "finding a person") }
        let needle = text.lowercased()
        return try pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT event.caseId, vault.eventId, vault.content, vault.sealed FROM vault
                    JOIN event ON event.id = vault.eventId
                    WHERE vault.field = 'subject' AND vault.content IS NOT NULL
                    """)
            var ids: Set<String> = []
            for row in rows {
                let caseID: String = row[0]
                guard !ids.contains(caseID),
                    case .text(let name) = try vault.text(
                        content: row[2], sealed: row[3], eventID: row[1], field: "subject")
                else { continue }
                if name.lowercased().contains(needle) { ids.insert(caseID) }
            }
            return try ProjectionRow.filter(keys: Array(ids)).order(ProjectionRow.Columns.receivedAt).fetchAll(db)
                .map(\.summary)
        }
    }
}
