import DSRCore
import DSRLedger
import DSRReports
import Foundation

extension Session {
    /// Makes a new secret address for the user's calendar subscription (the old one stops
    /// working) and returns its token; the database keeps only the token's hash.
    public func newCalendarToken() throws -> String {
        try require(.listOverdue)
        let token = RandomToken.make()
        try AppError.mapping { try tracker.store.setCalendarToken(login: actor, hash: Chain.sha256Hex(token)) }
        return token
    }

    /// Revokes the user's calendar subscription.
    public func revokeCalendar() throws {
        try AppError.mapping { try tracker.store.setCalendarToken(login: actor, hash: nil) }
    }

    /// The user's calendar feed (RFC 5545) into the file at `path`: the deadline and the
    /// internal due of every case that still owes an answer and that the user may see. No
    /// personal data: case ids, kinds and statuses only.
    public func deadlineCalendar(to path: String) throws {
        try require(.listOverdue)
        let visibility = access.visibility
        try AppError.mapping {
            try tracker.prepareAllEngines()
            let today = CivilDate(dayNumber: tracker.engine.zone.localDayNumber(at: now))
            let input = ReportInput(
                records: VisibleRecords(records: tracker.store, visibility: visibility), policy: tracker.engine.policy,
                from: today, to: today, now: now, actor: actor, includePersonalData: false, german: true,
                currentEngine: tracker.engine, engine: tracker.engine(for:))
            try ICSExport.write(input, to: path)
        }
    }
}

extension Tracker {
    /// The session of the account whose calendar address has this token, if the account is enabled.
    public func calendarSession(token: String, now: Instant) throws -> Session? {
        guard let login = try AppError.mapping({ try store.calendarOwner(tokenHash: Chain.sha256Hex(token)) }),
            let session = try? self.session(login: login, now: now), session.access.role != nil
        else { return nil }
        return session
    }
}

/// The record as one user may see it: the cases of others are left out (a clerk's calendar).
struct VisibleRecords: CaseRecords {
    let records: any CaseRecords
    let visibility: CaseVisibility

    func forEachCase(
        receivedFrom from: Instant, to: Instant, includePersonalData: Bool, _ body: (ExportedCase) throws -> Void
    ) throws {
        try records.forEachCase(receivedFrom: from, to: to, includePersonalData: includePersonalData) { exported in
            if visibility.permits(assignee: exported.summary.assignee) { try body(exported) }
        }
    }

    func policies() throws -> [(hash: String, source: String, text: String)] { try records.policies() }

    func activeCases() throws -> [CaseSummary] {
        try records.activeCases().filter { visibility.permits(assignee: $0.assignee) }
    }

    func dutyStatuses(_ duties: [Duty], at now: Instant, zone: ZoneRules) throws -> [DutyStatus] {
        try records.dutyStatuses(duties, at: now, zone: zone)
    }
}
