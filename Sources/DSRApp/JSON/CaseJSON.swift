import DSRCore
import DSRLedger

/// A key known only at run time (request kinds as keys of `answers`).
struct NamedKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { nil }
}

/// The schedule fields every case command's JSON carries, in their documented order.
public struct ScheduleJSON: Encodable {
    let receiptDate: String
    let deadline: String
    let extendedDeadline: String?
    let `extension`: String
    let dueDate: String
    let deadlineEnd: String
    let internalDue: String
    let pausedDays: Int
    let officeHoursLeft: Double
    let acknowledgementDue: String?

    enum CodingKeys: String, CodingKey {
        case receiptDate = "receipt_date"
        case deadline
        case extendedDeadline = "extended_deadline"
        case `extension`
        case dueDate = "due_date"
        case deadlineEnd = "deadline_end"
        case internalDue = "internal_due"
        case pausedDays = "paused_days"
        case officeHoursLeft = "office_hours_left"
        case acknowledgementDue = "acknowledgement_due"
    }

    public init(_ schedule: Schedule, zone: ZoneRules) {
        receiptDate = ISOFormat.date(schedule.receiptDate)
        deadline = ISOFormat.date(schedule.deadline)
        extendedDeadline = schedule.extendedDeadline.map(ISOFormat.date)
        `extension` = schedule.extensionState.rawValue
        dueDate = ISOFormat.date(schedule.dueDate)
        deadlineEnd = ISOFormat.zoned(schedule.dueEnd, zone: zone)
        internalDue = ISOFormat.zoned(schedule.internalDue, zone: zone)
        pausedDays = schedule.pausedDays
        officeHoursLeft = (schedule.officeHoursLeft * 10).rounded() / 10
        acknowledgementDue = schedule.acknowledgementDue.map { ISOFormat.zoned($0, zone: zone) }
    }
}

/// What a write on a case printed with `--json`: the event and where the case now stands.
public struct RecordedJSON: Encodable {
    let change: CaseChange

    public init(change: CaseChange) {
        self.change = change
    }

    enum CodingKeys: String, CodingKey {
        case id
        case eventID = "event_id"
        case event, status, warnings
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(change.state.id.rawValue, forKey: .id)
        try container.encode(Int(change.record.id.rawValue), forKey: .eventID)
        try container.encode(change.record.event.kind, forKey: .event)
        try container.encode(change.status.rawValue, forKey: .status)
        try ScheduleJSON(change.schedule, zone: change.engine.zone).encode(to: encoder)
        var rest = encoder.container(keyedBy: CodingKeys.self)
        try rest.encode(change.findings.map(\.key), forKey: .warnings)
    }
}

/// One case of `dsr list`, `dsr overdue` and `dsr find` with `--json`.
public struct CaseEntryJSON: Encodable {
    let id: String
    let status: String
    let kinds: [String]
    let channel: String
    let received: String
    let deadline: String
    let extendedDeadline: String?
    let dueDate: String
    let internalDue: String
    let officeHoursLeft: Double
    let assignee: String?
    let acknowledgementDue: String?

    enum CodingKeys: String, CodingKey {
        case id, status, kinds, channel, received, deadline
        case extendedDeadline = "extended_deadline"
        case dueDate = "due_date"
        case internalDue = "internal_due"
        case officeHoursLeft = "office_hours_left"
        case assignee
        case acknowledgementDue = "acknowledgement_due"
    }

    public init(_ entry: CaseEntry) {
        let summary = entry.summary
        let zone = entry.engine.zone
        id = summary.id
        status = entry.status.rawValue
        kinds = summary.requestKinds.map(\.rawValue)
        channel = summary.channel
        received = ISOFormat.zoned(Instant(secondsSinceEpoch: summary.receivedAt), zone: zone)
        deadline = summary.deadline
        extendedDeadline = summary.extendedDeadline
        dueDate = summary.dueDate
        internalDue = ISOFormat.zoned(Instant(secondsSinceEpoch: summary.internalDue), zone: zone)
        officeHoursLeft = (Double(entry.officeSecondsLeft) / 360).rounded() / 10
        assignee = summary.assignee
        acknowledgementDue = entry.acknowledgementDue.map { ISOFormat.zoned($0, zone: zone) }
    }
}

/// One case in full, as `dsr show --json` and `dsr subject export --json` print it.
public struct CaseDetailJSON: Encodable {
    let detail: CaseDetail

    public init(detail: CaseDetail) {
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case id, status, kinds, channel, subject, contact, reference, received, assignee, answers, warnings, events
        case receiptEvidence = "receipt_evidence"
    }

    enum AnswerKeys: String, CodingKey {
        case outcome, basis, at
    }

    public func encode(to encoder: any Encoder) throws {
        let state = detail.state
        let zone = detail.engine.zone
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(state.id.rawValue, forKey: .id)
        try container.encode(detail.status.rawValue, forKey: .status)
        try container.encode(state.kinds.map(\.rawValue), forKey: .kinds)
        try container.encode(state.channel.rawValue, forKey: .channel)
        try container.encodeIfPresent(detail.personal.current(.subject).map(PersonalJSON.marked), forKey: .subject)
        try container.encodeIfPresent(detail.personal.current(.contact).map(PersonalJSON.marked), forKey: .contact)
        try container.encodeIfPresent(detail.personal.current(.reference).map(PersonalJSON.marked), forKey: .reference)
        try container.encode(ISOFormat.zoned(state.receivedAt, zone: zone), forKey: .received)
        try ScheduleJSON(detail.schedule, zone: zone).encode(to: encoder)
        var rest = encoder.container(keyedBy: CodingKeys.self)
        try rest.encodeIfPresent(state.assignee, forKey: .assignee)
        var answers = rest.nestedContainer(keyedBy: NamedKey.self, forKey: .answers)
        for kind in state.kinds {
            guard let answer = state.answers[kind] else { continue }
            var fields = answers.nestedContainer(keyedBy: AnswerKeys.self, forKey: NamedKey(kind.rawValue))
            try fields.encode(answer.outcome.rawValue, forKey: .outcome)
            try fields.encodeIfPresent(answer.basis, forKey: .basis)
            try fields.encode(ISOFormat.zoned(answer.at, zone: zone), forKey: .at)
        }
        try rest.encode(detail.findings.map(\.key), forKey: .warnings)
        var events = rest.nestedUnkeyedContainer(forKey: .events)
        for record in detail.events {
            // Named keys: notes and reasons appear only on the events that carry them.
            var fields = events.nestedContainer(keyedBy: NamedKey.self)
            try fields.encode(Int(record.id.rawValue), forKey: NamedKey("id"))
            try fields.encode(record.event.kind, forKey: NamedKey("kind"))
            try fields.encode(ISOFormat.zoned(record.occurredAt, zone: zone), forKey: NamedKey("occurred_at"))
            try fields.encode(ISOFormat.zoned(record.recordedAt, zone: zone), forKey: NamedKey("recorded_at"))
            try fields.encode(record.actor, forKey: NamedKey("actor"))
            for (field, value) in detail.personal.fields(of: record.id) where [.note, .reason].contains(field) {
                try fields.encode(PersonalJSON.marked(value), forKey: NamedKey(field.rawValue))
            }
        }
        if let evidence = detail.receiptEvidence {
            var fields = rest.nestedContainer(keyedBy: NamedKey.self, forKey: .receiptEvidence)
            try fields.encode(evidence.item, forKey: NamedKey("item"))
            try fields.encode(evidence.sha256, forKey: NamedKey("sha256"))
            try fields.encode(evidence.source, forKey: NamedKey("source"))
            try fields.encode(evidence.candidates.map(\.recordText), forKey: NamedKey("evidence"))
            try fields.encode(evidence.doubts, forKey: NamedKey("doubts"))
            try fields.encodeIfPresent(evidence.reason.map(PersonalJSON.marked), forKey: NamedKey("reason"))
        }
    }
}
