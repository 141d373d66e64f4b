/// How the moment of receipt is dated (LEGAL.md R1).
public enum ReceiptRule: String, Sendable, CaseIterable {
    /// The local date of the moment the request reached an official channel, also on a
    /// weekend (EDPB Guidelines 01/2022 §159; UK ICO). The default.
    case calendarDay = "calendar-day"
    /// A request outside office hours counts as received when the office next opens
    /// (the § 130 BGB view of receipt).
    case nextOfficeDay = "next-office-day"
}

/// What asking the person for identity or clarification does to the clock (LEGAL.md R3).
public enum ClockStopMode: String, Sendable, CaseIterable {
    /// The deadline moves by the calendar days the clock was stopped (EDPB, default).
    case suspend
    /// The period starts afresh on the day the information arrived (UK ICO).
    case restart
}

/// How the deadline of one request kind is set.
public enum DeadlineRule: Sendable, Equatable {
    /// A statutory period with an optional extension (GDPR Art. 12(3): P1M, further P2M).
    case period(LegalPeriod, maxExtension: LegalPeriod)
    /// The claimant sets the date (civil claims: Unterlassung, Beseitigung).
    case claimantSet

    /// The rule of the law where a policy names none: Art. 12(3) GDPR for the rights of the
    /// GDPR, the claimant's date for civil claims.
    public static func statutory(for kind: RequestKind) -> DeadlineRule {
        kind.isCivilClaim
            ? .claimantSet : .period(LegalPeriod(months: 1), maxExtension: LegalPeriod(months: 2))
    }
}

/// A day on which the office is closed although it is no public holiday (24 Dec, 31 Dec,
/// carnival). Closures move the internal due date, never a legal deadline.
public struct Closure: Sendable, Equatable {
    public var name: String
    public var date: DateRule

    public init(name: String, date: DateRule) {
        self.name = name
        self.date = date
    }
}

/// The controller that answers the requests, as letters and reports name it.
public struct Controller: Sendable, Equatable {
    public var name: String
    public var unit: String
    public var building: String
    public var street: String
    public var postalCode: String
    public var city: String
    public var email: String
    public var phone: String

    public init(
        name: String, unit: String, building: String, street: String, postalCode: String,
        city: String, email: String, phone: String
    ) {
        self.name = name
        self.unit = unit
        self.building = building
        self.street = street
        self.postalCode = postalCode
        self.city = city
        self.email = email
        self.phone = phone
    }
}

/// A way in which requests reach the controller (e-mail address, post, a social network).
public struct ChannelInfo: Sendable, Equatable {
    /// Stable key: `email`, `post`, `facebook`, `twitter`, `instagram`, `youtube`, `phone`,
    /// `in-person`.
    public var id: String
    /// Display name ("Facebook").
    public var name: String
    /// The account or address on that channel ("Stadt KL", "socialmedia@…").
    public var account: String?
    /// The joint controller requests on this channel may concern (`meta`).
    public var jointController: String?

    public init(id: String, name: String, account: String? = nil, jointController: String? = nil) {
        self.id = id
        self.name = name
        self.account = account
        self.jointController = jointController
    }
}

/// A joint controller to whom some requests are forwarded (LEGAL.md R5).
public struct JointController: Sendable, Equatable {
    public var id: String
    public var name: String
    /// What the joint controllership covers ("Page Insights").
    public var scope: String
    /// The internal sub-deadline for forwarding.
    public var forwardWithin: LegalPeriod

    public init(id: String, name: String, scope: String, forwardWithin: LegalPeriod) {
        self.id = id
        self.name = name
        self.scope = scope
        self.forwardWithin = forwardWithin
    }
}

/// Everything the tracker needs to know about one controller: who it is, where and when it
/// works, and how it counts deadlines. Loaded from a policy file; stored with each case.
public struct Policy: Sendable, Equatable {
    public var controller: Controller
    /// IANA time zone in which all legal reasoning happens (`Europe/Berlin`).
    public var timeZone: String
    /// The Land whose public holidays apply.
    public var land: Land
    /// Holidays of the municipality only (Mariä Himmelfahrt in Catholic Bavaria); they move
    /// deadlines like the Land's.
    public var localHolidays: [HolidayRule]
    public var officeHours: OfficeHours
    public var closures: [Closure]
    public var receiptRule: ReceiptRule
    public var clockStop: ClockStopMode
    /// The rule for each request kind; every kind has one.
    public var deadlineRules: [RequestKind: DeadlineRule]
    /// A case is at risk when fewer office hours than this are left before internal due.
    public var escalationOfficeHours: Int
    /// Receipt is acknowledged by the close of this many office days after receipt.
    public var acknowledgementOfficeDays: Int
    /// How long personal data of a closed case is kept, from the end of the closing year.
    public var retention: LegalPeriod
    public var channels: [ChannelInfo]
    public var jointControllers: [JointController]
    /// The staff who may use the tracker and their roles; empty: single-user mode, in which
    /// whoever runs `dsr` may do everything.
    public var users: [StaffUser]
    /// Recurring duties the controller has promised (posts about data protection).
    public var duties: [Duty]
    /// How mail is taken in: the controller's own receiving hosts, how long inbox items keep
    /// personal data.
    public var mailIntake: MailIntake

    public init(
        controller: Controller, timeZone: String, land: Land, localHolidays: [HolidayRule] = [],
        officeHours: OfficeHours,
        closures: [Closure], receiptRule: ReceiptRule, clockStop: ClockStopMode,
        deadlineRules: [RequestKind: DeadlineRule], escalationOfficeHours: Int,
        acknowledgementOfficeDays: Int, retention: LegalPeriod, channels: [ChannelInfo],
        jointControllers: [JointController], users: [StaffUser] = [], duties: [Duty] = [],
        mailIntake: MailIntake = MailIntake()
    ) {
        self.controller = controller
        self.timeZone = timeZone
        self.land = land
        self.localHolidays = localHolidays
        self.officeHours = officeHours
        self.closures = closures
        self.receiptRule = receiptRule
        self.clockStop = clockStop
        self.deadlineRules = deadlineRules
        self.escalationOfficeHours = escalationOfficeHours
        self.acknowledgementOfficeDays = acknowledgementOfficeDays
        self.retention = retention
        self.channels = channels
        self.jointControllers = jointControllers
        self.users = users
        self.duties = duties
        self.mailIntake = mailIntake
    }

    /// The role of a login name; nil if the policy does not list it.
    public func role(of login: String) -> Role? {
        users.first { $0.login == login }?.role
    }

    /// The rule for a kind: the policy's, else the statutory one.
    public func deadlineRule(for kind: RequestKind) -> DeadlineRule {
        deadlineRules[kind] ?? .statutory(for: kind)
    }
}

/// How the controller's mail reaches the tracker (policy `<mailIntake>`).
public struct MailIntake: Sendable, Equatable {
    /// The controller's own receiving mail hosts (its MX): a `Received:` header added by one
    /// of them dates the receipt. Exact names, or `*.example.org` for any host below it.
    public var ownHosts: [String]
    /// How long an inbox item keeps its personal data once it was dismissed or made a case.
    public var inboxRetention: LegalPeriod

    public init(ownHosts: [String] = [], inboxRetention: LegalPeriod = LegalPeriod(months: 0, days: 30)) {
        self.ownHosts = ownHosts
        self.inboxRetention = inboxRetention
    }
}
