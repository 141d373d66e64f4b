/// A recurring duty the controller has promised, such as the City of Kaiserslautern's
/// half-yearly post about data-protection risks and rights on each social-media channel.
public struct Duty: Sendable, Equatable {
    /// Stable key (`datenschutz-post`).
    public var id: String
    /// What is to be done, in words.
    public var name: String
    /// Where it is to be done: channel keys of the policy, or places such as `homepage`.
    public var channels: [String]
    /// How often: at the latest this long after it was last done.
    public var recurrence: LegalPeriod
    /// When it is due the first time.
    public var firstDue: CivilDate

    public init(id: String, name: String, channels: [String], recurrence: LegalPeriod, firstDue: CivilDate) {
        self.id = id
        self.name = name
        self.channels = channels
        self.recurrence = recurrence
        self.firstDue = firstDue
    }
}

/// A duty was done on one channel at a moment (a `dutyDone` event).
public struct DutyCompletion: Sendable, Equatable {
    /// The duty's id in the policy.
    public var duty: String
    /// Where it was done (a channel key or a place such as `homepage`).
    public var channel: String
    /// When it was done.
    public var at: Instant
    /// Where the post or notice can be seen, if given.
    public var link: String?

    public init(duty: String, channel: String, at: Instant, link: String? = nil) {
        self.duty = duty
        self.channel = channel
        self.at = at
        self.link = link
    }
}

/// Where one duty stands on one channel: when it was last done, when it is next due, and
/// whether that day has passed.
public struct DutyStatus: Sendable, Equatable {
    public var duty: Duty
    /// The channel or place this status is for.
    public var channel: String
    /// The latest completion on that channel up to the day of evaluation, if any.
    public var lastDone: DutyCompletion?
    /// The first due date until it is done; then the day `recurrence` after the local date
    /// it was last done (never before the first due date).
    public var nextDue: CivilDate
    /// Whether `nextDue` lies before the day of evaluation.
    public var isOverdue: Bool

    /// The status of every duty on every channel at `now`, in the policy's order, from the
    /// completions recorded (in any order).
    public static func all(
        _ duties: [Duty], completions: [DutyCompletion], at now: Instant, zone: ZoneRules
    ) -> [DutyStatus] {
        let today = CivilDate(dayNumber: zone.localDayNumber(at: now))
        var latest: [String: DutyCompletion] = [:]
        for completion in completions where completion.at <= now {
            let key = completion.duty + "\u{0}" + completion.channel
            if latest[key].map({ $0.at <= completion.at }) ?? true { latest[key] = completion }
        }
        return duties.flatMap { duty in
            duty.channels.map { channel in
                let last = latest[duty.id + "\u{0}" + channel]
                let nextDue =
                    last.map { completion in
                        max(
                            duty.firstDue,
                            duty.recurrence.end(
                                startingOn: CivilDate(dayNumber: zone.localDayNumber(at: completion.at))))
                    } ?? duty.firstDue
                return DutyStatus(
                    duty: duty, channel: channel, lastDone: last, nextDue: nextDue, isOverdue: nextDue < today)
            }
        }
    }
}
