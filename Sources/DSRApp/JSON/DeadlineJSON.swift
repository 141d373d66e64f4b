import DSRCore

extension JSONWriter {
    /// The fields of a schedule that `dsr deadline --batch` prints, in its documented order:
    /// `received`, `receipt_date`, `deadline`, `extended_deadline`, `deadline_end`,
    /// `office_receipt`, `internal_due`.
    mutating func scheduleFields(_ schedule: Schedule, zone: ZoneRules) {
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
