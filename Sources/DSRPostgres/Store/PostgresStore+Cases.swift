import DSRCore
import DSRLedger
import Foundation
import PostgresNIO

extension PostgresStore {
    public func logCase(
        _ newCase: NewCase, policy: PolicyReference, engine: DeadlineEngine, actor: String, now: Instant
    ) throws -> Recorded {
        try writeBatch { batch, _ in try batch.logCase(newCase, policy: policy, engine: engine, actor: actor, now: now)
        }
    }

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

    public func rectify(
        _ caseID: CaseID, values: [PersonalField: String], at occurredAt: Instant, actor: String, now: Instant,
        visibility: CaseVisibility = .every, engine provider: EngineProvider
    ) throws -> Recorded {
        try writeBatch { batch, _ in
            try batch.rectify(
                caseID, values: values, at: occurredAt, actor: actor, now: now, visibility: visibility,
                engine: provider)
        }
    }

    public func bulk<T>(_ body: (any CaseWriteBatch) throws -> T) throws -> T {
        try writeBatch { batch, _ in try body(batch) }
    }

    /// The events of a case (only those of `kind`, if given) inside a transaction, oldest first.
    static func events(of caseID: CaseID, kind: String? = nil, in link: PostgresLink) throws -> [EventRecord] {
        try link.query(
            """
            SELECT id, kind, payload, occurred_at, recorded_at, actor FROM event
            WHERE case_id = \(caseID.rawValue) AND (\(kind)::text IS NULL OR kind = \(kind)) ORDER BY id
            """
        ).map { row in
            let (id, kind, payload, occurredAt, recordedAt, actor) = try row.decode(
                (Int64, String, String, Int64, Int64, String).self)
            let (event, commitments) = try EventCodec.decode(kind: kind, payload: payload)
            return EventRecord(
                id: EventID(id), caseID: caseID, event: event, commitments: commitments,
                occurredAt: Instant(secondsSinceEpoch: occurredAt), recordedAt: Instant(secondsSinceEpoch: recordedAt),
                actor: actor)
        }
    }

    public func events(of caseID: CaseID) throws -> [EventRecord] {
        try links.with { try Self.events(of: caseID, in: $0) }
    }

    public func personalData(of caseID: CaseID) throws -> CasePersonalData {
        try read { try personalData(of: caseID, in: $0) }
    }

    /// The personal data of a case by event and field, each text opened with its own key.
    func personalData(of caseID: CaseID, in link: PostgresLink) throws -> CasePersonalData {
        let rows = try link.query(
            """
            SELECT vault.event_id, vault.field, vault.content, vault.sealed, vault_key.data_key FROM vault
            JOIN event ON event.id = vault.event_id LEFT JOIN vault_key USING (event_id, field)
            WHERE event.case_id = \(caseID.rawValue)
            """)
        var result = CasePersonalData()
        for row in rows {
            let (eventID, name, box, sealed, dataKey) = try row.decode((Int64, String, Data?, Bool, Data?).self)
            guard let field = PersonalField(rawValue: name) else { continue }
            result.byEvent[EventID(eventID), default: [:]][field] = try PostgresChain(vault: vault).text(
                box: box, sealed: sealed, dataKey: dataKey, eventID: eventID, field: name)
        }
        return result
    }

    public func summary(of caseID: CaseID) throws -> CaseSummary? {
        try links.with { link in
            try ProjectionSQL.summaries(
                try link.query(
                    "SELECT \(unescaped: ProjectionSQL.selection) FROM case_projection WHERE id = \(caseID.rawValue)")
            ).first
        }
    }

    public func activeCases() throws -> [CaseSummary] {
        try links.with { link in
            try ProjectionSQL.summaries(
                try link.query(
                    "SELECT \(unescaped: ProjectionSQL.selection) FROM case_projection WHERE active ORDER BY internal_due"
                ))
        }
    }

    /// Cases by filter, oldest receipt first: only the conditions given go into the query, so
    /// the planner can use the index of active cases or of receipt.
    public func cases(_ filter: CaseFilter) throws -> [CaseSummary] {
        var conditions = ["true"]
        var binds = PostgresBindings()
        func condition(_ text: (String) -> String, _ value: some PostgresThrowingDynamicTypeEncodable) throws {
            try binds.append(value)
            conditions.append(text("$\(binds.count)"))
        }
        if filter.activeOnly { conditions.append("active") }
        if let channel = filter.channel { try condition({ "channel = \($0)" }, channel.rawValue) }
        if let kind = filter.kind { try condition({ "',' || kinds || ',' LIKE \($0)" }, "%,\(kind.rawValue),%") }
        if let assignee = filter.assignee { try condition({ "assignee = \($0)" }, assignee) }
        if let from = filter.receivedFrom { try condition({ "received_at >= \($0)" }, from.secondsSinceEpoch) }
        if let to = filter.receivedTo { try condition({ "received_at < \($0)" }, to.secondsSinceEpoch) }
        if let lifecycles = filter.lifecycles {
            try condition({ "lifecycle = ANY(\($0))" }, lifecycles.map(\.rawValue))
        }
        let sql = """
            SELECT \(ProjectionSQL.selection) FROM case_projection WHERE \(conditions.joined(separator: " AND "))
            ORDER BY received_at, year, number
            """
        return try links.with { link in
            try ProjectionSQL.summaries(try link.query(PostgresQuery(unsafeSQL: sql, binds: binds)))
        }
    }

    /// The cases whose current subject name contains `text`, ignoring case; each name is
    /// opened here (sealed texts cannot be searched by the database).
    public func cases(subjectContaining text: String) throws -> [CaseSummary] {
        if case .locked = vault { throw LedgerError.vaultKeyRequired(action: "finding a person") }
        let needle = text.lowercased()
        let chain = PostgresChain(vault: vault)
        return try read { link in
            var ids: [String] = []
            for row in try link.query(
                """
                SELECT event.case_id, vault.event_id, vault.content, vault.sealed, vault_key.data_key FROM vault
                JOIN event ON event.id = vault.event_id JOIN vault_key USING (event_id, field)
                WHERE vault.field = 'subject' AND vault.content IS NOT NULL
                """)
            {
                let (caseID, eventID, box, sealed, dataKey) = try row.decode((String, Int64, Data?, Bool, Data?).self)
                guard !ids.contains(caseID),
                    case .text(let name) = try chain.text(
                        box: box, sealed: sealed, dataKey: dataKey, eventID: eventID, field: "subject")
                else { continue }
                if name.lowercased().contains(needle) { ids.append(caseID) }
            }
            return try ProjectionSQL.summaries(
                try link.query(
                    """
                    SELECT \(unescaped: ProjectionSQL.selection) FROM case_projection
                    WHERE id = ANY(\(ids)) ORDER BY received_at
                    """))
        }
    }

    public func forEachCase(
        receivedFrom from: Instant, to: Instant, includePersonalData: Bool, _ body: (ExportedCase) throws -> Void
    ) throws {
        if includePersonalData, case .locked = vault {
            throw LedgerError.vaultKeyRequired(action: "exporting personal data")
        }
        try read { link in
            let cases = try ProjectionSQL.summaries(
                try link.query(
                    """
                    SELECT \(unescaped: ProjectionSQL.selection) FROM case_projection
                    WHERE received_at >= \(from.secondsSinceEpoch) AND received_at < \(to.secondsSinceEpoch)
                    ORDER BY received_at, year, number
                    """))
            for summary in cases {
                let events = try link.query(
                    """
                    SELECT id, kind, payload, occurred_at, recorded_at, actor, prev_hash, hash FROM event
                    WHERE case_id = \(summary.id) ORDER BY id
                    """
                ).map { row in
                    let (id, kind, payload, occurredAt, recordedAt, actor, prevHash, hash) = try row.decode(
                        (Int64, String, String, Int64, Int64, String, Data, Data).self)
                    let (event, commitments) = try EventCodec.decode(kind: kind, payload: payload)
                    let record = EventRecord(
                        id: EventID(id), caseID: summary.caseID, event: event, commitments: commitments,
                        occurredAt: Instant(secondsSinceEpoch: occurredAt),
                        recordedAt: Instant(secondsSinceEpoch: recordedAt), actor: actor)
                    return StoredEvent(record: record, payload: payload, prevHash: prevHash, hash: hash)
                }
                let personal =
                    includePersonalData ? try personalData(of: summary.caseID, in: link) : CasePersonalData()
                try body(ExportedCase(summary: summary, events: events, personal: personal))
            }
        }
    }

    // MARK: - The tracker's own events

    public func recordDutyDone(
        duty: String, channel: String, link: String?, at: Instant, actor: String, now: Instant
    ) throws {
        try writeBatch { batch, _ in
            try batch.appendTrackerEvent(
                .dutyDone(duty: duty, channel: channel, link: link), at: at, actor: actor, now: now)
        }
    }

    public func recordExport(format: String, from: CivilDate, to: CivilDate, actor: String, now: Instant) throws {
        try writeBatch { batch, _ in
            try batch.appendTrackerEvent(.exported(format: format, from: from, to: to), at: now, actor: actor, now: now)
        }
        logger.info("recorded an export with personal data", metadata: ["format": "\(format)"])
    }

    public func dutyStatuses(_ duties: [Duty], at now: Instant, zone: ZoneRules) throws -> [DutyStatus] {
        let completions = try links.with { link in
            try Self.events(of: .tracker, kind: "duty-done", in: link).compactMap { record -> DutyCompletion? in
                guard case .dutyDone(let duty, let channel, let link) = record.event else { return nil }
                return DutyCompletion(duty: duty, channel: channel, at: record.occurredAt, link: link)
            }
        }
        return DutyStatus.all(duties, completions: completions, at: now, zone: zone)
    }
}
