import DSRCore
import DSRLedger

extension Session {
    /// The cases a query selects that the user may see, oldest receipt first.
    public func listCases(_ query: CaseQuery) throws -> [CaseEntry] {
        try require(.listCases)
        var filter = CaseFilter()
        filter.kind = query.kind
        filter.channel = query.channel
        filter.assignee = query.assignee
        filter.receivedFrom = query.receivedFrom
        filter.receivedTo = query.receivedTo
        switch query.status {
        case .closed: filter.lifecycles = [.closed]
        case .withdrawn: filter.lifecycles = [.withdrawn]
        // Open, at risk, paused and overdue are statuses of cases that still owe an answer.
        case .open, .atRisk, .paused, .overdue: filter.activeOnly = true
        case .some: filter.lifecycles = [.open]
        case nil: break
        }
        var entries = try entries(try AppError.mapping { try tracker.store.cases(filter) }, at: now)
        if let wanted = query.status { entries = entries.filter { $0.status == wanted } }
        let paged = entries.dropFirst(max(0, query.offset))
        return Array(query.limit.map { paged.prefix(max(0, $0)) } ?? paged)
    }

    /// The supervisor's morning view at `moment`: every case the user may see that still owes
    /// an answer, overdue first, then at risk, then by internal due.
    public func overdueCases(at moment: Instant) throws -> [CaseEntry] {
        try require(.listOverdue)
        let entries = try entries(try AppError.mapping { try tracker.store.activeCases() }, at: moment)
        func rank(_ status: CaseStatus) -> Int {
            switch status {
            case .overdue: 0
            case .atRisk: 1
            default: 2
            }
        }
        // The projection comes ordered by internal due; the index keeps that order within a
        // rank. Indices are sorted, not entries: an entry carries its engine, dear to move.
        let ranks = entries.map { rank($0.status) }
        return entries.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }.map { entries[$0] }
    }

    /// The cases of a person whose name contains `text`, among those the user may see.
    public func findCases(subjectContaining text: String) throws -> [CaseEntry] {
        try require(.findPerson)
        return try entries(try AppError.mapping { try tracker.store.cases(subjectContaining: text) }, at: now)
    }

    /// The entries of the summaries the user may see, evaluated at `moment`.
    func entries(_ summaries: [CaseSummary], at moment: Instant) throws -> [CaseEntry] {
        let visibility = access.visibility
        // Most cases share one policy: its engine is looked up again only when the policy changes.
        var last: (hash: String, engine: DeadlineEngine)?
        var entries: [CaseEntry] = []
        entries.reserveCapacity(summaries.count)
        for summary in summaries where visibility.permits(assignee: summary.assignee) {
            if last?.hash != summary.policyHash { last = (summary.policyHash, try tracker.engine(for: summary)) }
            entries.append(CaseEntry(summary, at: moment, engine: last!.engine))
        }
        return entries
    }
}
