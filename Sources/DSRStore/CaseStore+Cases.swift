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
        try writeBatch { batch, _ in try batch.logCase(newCase, policy: policy, engine: engine, actor: actor, now: now)
        }
    }

    /// Records a step on a case, if the actor may see the case (`visibility`) and the step
    /// makes sense for it as it stands (`StepRules`), both checked inside the transaction, and
    /// updates the projection — in one transaction.
    public func record(
        _ event: Event, on caseID: CaseID, personal: [PersonalField: String] = [:], at occurredAt: Instant,
        actor: String, visibility: CaseVisibility = .every, now: Instant, engine provider: EngineProvider
    ) throws -> Recorded {
        try writeBatch { batch, _ in
            try batch.record(
                event, on: caseID, personal: personal, at: occurredAt, actor: actor, visibility: visibility, now: now,
                engine: provider)
        }
    }

    /// Runs `body` in one write transaction with a batch that appends events for any number
    /// of cases (imports and the demo log thousands in one go).
    public func bulk<T>(_ body: (any CaseWriteBatch) throws -> T) throws -> T {
        try writeBatch { batch, _ in try body(batch) }
    }

    /// Runs `body` in one write transaction with the shared use cases' batch over this
    /// database, and the database for the store's own rows. A key the database has not
    /// adopted yet is adopted in the same transaction.
    func writeBatch<T>(_ body: (LedgerBatch, Database) throws -> T) throws -> T {
        var written: Vault?
        let result = try write { db in
            let vault = try vaultForWriting(db)
            written = vault
            let batch = LedgerBatch(
                SQLiteStorage(db: db, writer: try ChainWriter(db, vault: vault, logger: logger)), logger: logger)
            let result = try body(batch, db)
            try batch.finish()
            return result
        }
        if let written { settle(written) }
        return result
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
