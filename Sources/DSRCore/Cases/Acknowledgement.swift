extension DeadlineEngine {
    /// When receipt of a request received at `receivedAt` must be acknowledged under the
    /// policy's target: the last office close on the `acknowledgementOfficeDays`-th office day
    /// after the day of receipt (with a target of 0, the day of receipt or the next office
    /// day). Nil if the work calendar does not reach that far.
    public func acknowledgementDue(receivedAt: Instant) -> Instant? {
        var day = zone.localDayNumber(at: receivedAt)
        var counted = 0
        if policy.acknowledgementOfficeDays == 0 {
            while calendar.covers(day), !calendar.isOfficeDay(day) { day += 1 }
        } else {
            while counted < policy.acknowledgementOfficeDays {
                day += 1
                guard calendar.covers(day) else { return nil }
                if calendar.isOfficeDay(day) { counted += 1 }
            }
        }
        return calendar.lastOfficeClose(onOrBefore: day)
    }
}

/// Whether a case still owes the person an acknowledgement of receipt, and how urgently.
public enum AcknowledgementStatus: String, Sendable {
    /// Not yet acknowledged; the target lies ahead.
    case due
    /// Not yet acknowledged and the target has passed.
    case late

    /// The status at `now` of an acknowledgement due at `due` (nil: none owed).
    public init?(due: Instant?, at now: Instant) {
        guard let due else { return nil }
        self = now > due ? .late : .due
    }

    /// `fällig` / `due`, `überfällig` / `late`: for a column or row already headed
    /// "Eingangsbestätigung".
    public func shortLabel(_ language: Language) -> String {
        switch self {
        case .due: language.pick("fällig", "due")
        case .late: language.pick("überfällig", "late")
        }
    }
}
