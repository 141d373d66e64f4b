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
        // The projection comes ordered by internal due; the offset keeps that order within a rank.
        return entries.enumerated()
            .sorted { (rank($0.element.status), $0.offset) < (rank($1.element.status), $1.offset) }
            .map(\.element)
    }

    /// The cases of a person whose name contains `text`, among those the user may see.
    public func findCases(subjectContaining text: String) throws -> [CaseEntry] {
        try require(.findPerson)
        return try entries(try AppError.mapping { try tracker.store.cases(subjectContaining: text) }, at: now)
    }

    /// The entries of the summaries the user may see, evaluated at `moment`.
    func entries(_ summaries: [CaseSummary], at moment: Instant) throws -> [CaseEntry] {
        let visibility = access.visibility
        return try summaries.filter { visibility.permits(assignee: $0.assignee) }.map { summary in
            CaseEntry(summary, at: moment, engine: try tracker.engine(for: summary))
        }
    }
}
