/// What can go wrong in the domain: bad times, dates out of range, incomplete facts.
///
/// Messages name what is wrong and how to fix it; they never quote personal data.
public enum DSRCoreError: Error, Equatable, CustomStringConvertible {
    /// Text that is not one of the accepted time formats, or names an impossible date or time.
    case invalidTime(String)
    /// A local time that the clocks skip (spring forward).
    case nonexistentLocalTime(String, zone: String)
    /// A local time that occurs twice (fall back) given without an offset.
    case ambiguousLocalTime(String, zone: String)
    /// A date outside the years whose holidays and time zone rules the tracker carries.
    case outOfSupportedRange(year: Int)
    /// A civil claim needs the date the claimant set.
    case missingClaimantDate(RequestKind)
    /// The policy names a time zone this system does not know.
    case unknownTimeZone(String)
    /// A request kind that is neither a German nor an English name the tracker knows.
    case unknownKind(String)
    /// A channel the tracker does not know.
    case unknownChannel(String)
    /// A step that makes no sense for the case as it stands.
    case stepRefused(String)
    /// Text that cannot be stored (control characters, too long).
    case invalidText(String)
    /// A stored record that cannot be read back.
    case corruptRecord(String)
    /// The acting member of staff may not do it (their role).
    case notPermitted(String)
    /// The case is assigned to someone else, and the acting clerk may not see it.
    case caseNotVisible(CaseID)
    /// No such record (a staff account, for instance).
    case notFound(String)

    public var description: String {
        switch self {
        case .invalidTime(let reason):
            return reason
        case .nonexistentLocalTime(let time, let zone):
            return "\(time) does not exist in \(zone) (the clocks skip it); give the time with its UTC offset"
        case .ambiguousLocalTime(let time, let zone):
            return
                "\(time) occurs twice in \(zone) (the clocks go back); give it with its offset, e.g. +02:00 or +01:00"
        case .outOfSupportedRange(let year):
            return
                "year \(year) is outside the supported years \(DeadlineEngine.supportedYears.lowerBound)–\(DeadlineEngine.supportedYears.upperBound)"
        case .missingClaimantDate(let kind):
            return
                "\(kind.germanName) is a civil claim without a statutory period: give the date the claimant set"
        case .unknownTimeZone(let zone):
            return "unknown time zone '\(zone)'"
        case .unknownKind:
            let names = RequestKind.allCases.map { "\($0.rawValue) (\($0.germanName))" }
            return "unknown request kind; valid kinds: " + names.joined(separator: ", ")
        case .unknownChannel:
            return "unknown channel; valid channels: " + Channel.allCases.map(\.rawValue).joined(separator: ", ")
        case .stepRefused(let reason), .invalidText(let reason):
            return reason
        case .corruptRecord(let reason):
            return "corrupt record: \(reason)"
        case .notPermitted(let reason), .notFound(let reason):
            return reason
        case .caseNotVisible(let id):
            return "case \(id) is assigned to someone else; a supervisor can reassign it"
        }
    }
}
