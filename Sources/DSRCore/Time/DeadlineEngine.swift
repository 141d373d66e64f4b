/// Computes the legal deadline and the office's internal due date of a request from the
/// policy and the facts known so far (LEGAL.md R1–R3). A pure function of its inputs: "now"
/// is passed in, never read.
public struct DeadlineEngine: Sendable {
    /// The years of receipt the engine accepts. Holidays and zone rules are carried two years
    /// beyond, for extensions and clock stops that run into the next year.
    public static let supportedYears = 1995...2100
    static let tableYears = 1995...2102
    /// The day numbers of the supported years.
    static let supportedDays: ClosedRange<Int> = {
        let first = CivilDate(unchecked: supportedYears.lowerBound, 1, 1).dayNumber
        return first...CivilDate(unchecked: supportedYears.upperBound, 12, 31).dayNumber
    }()

    public let policy: Policy
    public let holidayCalendar: HolidayCalendar
    public let calendar: WorkCalendar
    /// The policy's rule for each kind, in `RequestKind.allCases` order (an array scan beats a
    /// dictionary's hashing on the hot path).
    private let rules: [(kind: RequestKind, rule: DeadlineRule)]

    /// Prepares the engine: reads the zone's rules and precomputes the working days and
    /// office hours of every supported year.
    public init(policy: Policy, holidayRules: [HolidayRule]) throws {
        guard let zone = ZoneRules(identifier: policy.timeZone, years: Self.tableYears) else {
            throw DSRCoreError.unknownTimeZone(policy.timeZone)
        }
        self.policy = policy
        rules = RequestKind.allCases.map { ($0, policy.deadlineRule(for: $0)) }
        holidayCalendar = HolidayCalendar(land: policy.land, rules: holidayRules + policy.localHolidays)
        calendar = WorkCalendar(
            years: Self.tableYears, zone: zone, holidays: holidayCalendar,
            officeHours: policy.officeHours, closures: policy.closures)
    }

    /// The policy's time zone rules.
    public var zone: ZoneRules { calendar.zone }

    /// The schedule of a request, evaluated at `now`.
    public func schedule(_ facts: DeadlineFacts, at now: Instant) throws -> Schedule {
        let receivedDay = zone.localDayNumber(at: facts.received)
        guard Self.supportedDays.contains(receivedDay) else {
            throw DSRCoreError.outOfSupportedRange(year: CivilDate(dayNumber: receivedDay).year)
        }
        guard let officeReceipt = calendar.officeOpening(atOrAfter: facts.received) else {
            throw DSRCoreError.outOfSupportedRange(year: CivilDate(dayNumber: receivedDay).year)
        }
        let receiptDay =
            policy.receiptRule == .nextOfficeDay
            ? zone.localDayNumber(at: officeReceipt) : receivedDay
        let receiptDate = CivilDate(dayNumber: receiptDay)

        let pause = clockStop(facts.clockStops, at: now)
        let periodEndDay: Int
        let deadlineDay: Int
        let extendedDay: Int?
        switch rule(for: facts.kind) {
        case .claimantSet:
            guard let due = facts.claimantDue else {
                throw DSRCoreError.missingClaimantDate(facts.kind)
            }
            periodEndDay = due.dayNumber
            deadlineDay = due.dayNumber
            extendedDay = nil
        case .period(let period, let maxExtension):
            let start: CivilDate
            let shift: Int
            switch policy.clockStop {
            case .suspend:
                start = receiptDate
                shift = pause.days
            case .restart:
                start = CivilDate(dayNumber: pause.restartDay ?? receiptDay)
                shift = 0
            }
            periodEndDay = period.end(startingOn: start).dayNumber + shift
            deadlineDay = calendar.workingDay(onOrAfter: periodEndDay)
            extendedDay =
                maxExtension.isZero
                ? nil
                : calendar.workingDay(
                    onOrAfter: (period + maxExtension).end(startingOn: start).dayNumber + shift)
        }
        try checkCovered(day: extendedDay ?? deadlineDay)

        let deadlineEnd = calendar.endOfDay(deadlineDay)
        let extensionState = Self.extensionState(
            facts.extensionNotice, available: extendedDay != nil, deadlineEnd: deadlineEnd)
        let dueDay = extensionState == .inEffect ? extendedDay ?? deadlineDay : deadlineDay
        let dueEnd = dueDay == deadlineDay ? deadlineEnd : calendar.endOfDay(dueDay)
        let internalDue = calendar.lastOfficeClose(onOrBefore: dueDay) ?? dueEnd
        let (status, officeSecondsLeft) = status(
            dueEnd: dueEnd, internalDue: internalDue, isPaused: pause.isOpen,
            answeredAt: facts.answeredAt, at: now)
        // Each day number becomes a date once (the conversion is the costliest step here).
        let deadlineDate = CivilDate(dayNumber: deadlineDay)
        let extendedDate = extendedDay.map(CivilDate.init(dayNumber:))

        return Schedule(
            received: facts.received,
            receiptDate: receiptDate,
            officeReceipt: officeReceipt,
            periodEnd: periodEndDay == deadlineDay ? deadlineDate : CivilDate(dayNumber: periodEndDay),
            deadline: deadlineDate,
            deadlineEnd: deadlineEnd,
            extendedDeadline: extendedDate,
            extensionState: extensionState,
            dueDate: dueDay == deadlineDay ? deadlineDate : extendedDate ?? deadlineDate,
            dueEnd: dueEnd,
            internalDue: internalDue,
            pausedDays: pause.days,
            isPaused: pause.isOpen,
            status: status,
            officeSecondsLeft: officeSecondsLeft)
    }

    /// Where a request stands at `now`, and the office seconds left until internal due:
    /// answered (on time or late), overdue, paused, at risk (fewer office hours left than the
    /// policy's escalation threshold) or open.
    public func status(
        dueEnd: Instant, internalDue: Instant, isPaused: Bool, answeredAt: Instant?, at now: Instant
    ) -> (Schedule.Status, officeSecondsLeft: Int64) {
        let officeSecondsLeft = calendar.officeSeconds(from: now, to: internalDue)
        if let answeredAt { return (answeredAt <= dueEnd ? .answeredOnTime : .answeredLate, officeSecondsLeft) }
        if now > dueEnd { return (.overdue, officeSecondsLeft) }
        if isPaused { return (.paused, officeSecondsLeft) }
        if officeSecondsLeft < Int64(policy.escalationOfficeHours) * 3600 { return (.atRisk, officeSecondsLeft) }
        return (.open, officeSecondsLeft)
    }

    /// The policy's deadline rule for a kind.
    @inline(__always)
    func rule(for kind: RequestKind) -> DeadlineRule {
        for entry in rules where entry.kind == kind { return entry.rule }
        return .statutory(for: kind)
    }

    /// The combined effect of the clock stops at `now`.
    struct PauseEffect {
        /// Calendar days the clock stood still (overlapping stops counted once).
        var days = 0
        /// The day the last completed stop ended (for the `restart` mode), or today's date
        /// while a stop is open.
        var restartDay: Int?
        /// Whether a stop is still open.
        var isOpen = false
    }

    /// Merges the clock stops by local date: each stop covers the days from the request up
    /// to (not including) the day the information arrived, or today while still waiting.
    func clockStop(_ stops: [ClockStop], at now: Instant) -> PauseEffect {
        guard !stops.isEmpty else { return PauseEffect() }
        var effect = PauseEffect()
        var covered: Range<Int>?
        for stop in stops.sorted(by: { $0.requested < $1.requested }) {
            let from = zone.localDayNumber(at: stop.requested)
            let to = zone.localDayNumber(at: stop.resumed ?? now)
            effect.isOpen = effect.isOpen || stop.resumed == nil
            effect.restartDay = max(effect.restartDay ?? to, to)
            guard to > from else { continue }
            if let current = covered, from <= current.upperBound {
                covered = current.lowerBound..<max(current.upperBound, to)
            } else {
                effect.days += covered?.count ?? 0
                covered = from..<to
            }
        }
        effect.days += covered?.count ?? 0
        return effect
    }

    /// Whether a notified extension takes effect (LEGAL.md R2).
    static func extensionState(
        _ notice: ExtensionNotice?, available: Bool, deadlineEnd: Instant
    ) -> Schedule.ExtensionState {
        guard available else { return .notAvailable }
        guard let notice else { return .none }
        if notice.notifiedAt > deadlineEnd { return .notifiedLate }
        return notice.hasReasons ? .inEffect : .withoutReasons
    }

    /// Throws unless the holiday table covers the day.
    func checkCovered(day: Int) throws {
        guard calendar.covers(day + 7) else {
            throw DSRCoreError.outOfSupportedRange(year: CivilDate(dayNumber: day).year)
        }
    }
}
