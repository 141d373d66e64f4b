import DSRCore

extension JSONWriter {
    /// The fields of a schedule that `dsr deadline --batch` prints, in its documented order:
    /// `received`, `receipt_date`, `deadline`, `extended_deadline`, `deadline_end`,
    /// `office_receipt`, `internal_due`.
    public mutating func scheduleFields(_ schedule: Schedule, zone: ZoneRules) {
        key("received")
        utc(schedule.received)
        key("receipt_date")
        date(schedule.receiptDate)
        key("deadline")
        date(schedule.deadline)
        key("extended_deadline")
        if let extended = schedule.extendedDeadline { date(extended) } else { null() }
        key("deadline_end")
        zoned(schedule.deadlineEnd, zone)
        key("office_receipt")
        zoned(schedule.officeReceipt, zone)
        key("internal_due")
        zoned(schedule.internalDue, zone)
    }
}

/// The JSON object of one deadline calculation (`dsr deadline --json`, `GET /api/v1/deadline`).
public enum DeadlineJSON {
    /// The object and a line break: the schedule fields, then kind, status and office hours left.
    public static func line(_ schedule: Schedule, kind: RequestKind, zone: ZoneRules) -> JSONWriter {
        var json = JSONWriter()
        json.beginObject()
        json.scheduleFields(schedule, zone: zone)
        json.key("kind")
        json.string(kind.rawValue)
        json.key("status")
        json.string(schedule.status.rawValue)
        json.key("office_hours_left")
        json.number((schedule.officeHoursLeft * 10).rounded() / 10)
        json.endObject()
        json.newline()
        return json
    }
}
