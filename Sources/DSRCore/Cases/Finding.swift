/// A flag of non-compliance that the record keeps (the record must be true, so the step is
/// recorded and flagged, not refused): a refusal without legal basis, a late or unreasoned
/// extension, a late answer, a passed deadline.
public struct Finding: Sendable, Equatable {
    /// The stable key, as JSON carries it (`extension-notified-late`).
    public let key: String
    private let german: String
    private let english: String

    /// The finding in words.
    public func label(_ language: Language) -> String { language.pick(german, english) }

    /// The findings of a case as it stands, with its schedule.
    public static func of(_ state: CaseState, schedule: Schedule) -> [Finding] {
        var result: [Finding] = []
        for kind in state.refusalsWithoutBasis {
            result.append(
                Finding(
                    key: "refusal-without-basis",
                    german: "\(kind.germanName) abgelehnt ohne Rechtsgrundlage (Art. 12 Abs. 4 DSGVO verlangt Gründe)",
                    english: "\(kind.englishName) refused without a legal basis (Art. 12(4) GDPR requires reasons)"))
        }
        switch schedule.extensionState {
        case .notifiedLate:
            result.append(
                Finding(
                    key: "extension-notified-late",
                    german:
                        "Verlängerung nach Ablauf der Monatsfrist mitgeteilt – nicht wirksam (Art. 12 Abs. 3 DSGVO)",
                    english: "extension notified after the one-month deadline – not effective (Art. 12(3) GDPR)"))
        case .withoutReasons:
            result.append(
                Finding(
                    key: "extension-without-reasons", german: "Verlängerung ohne Gründe – nicht wirksam",
                    english: "extension without reasons – not effective"))
        default: break
        }
        if schedule.status == .answeredLate {
            result.append(
                Finding(
                    key: "answered-late", german: "nach Fristablauf beantwortet", english: "answered after the deadline"
                ))
        }
        if schedule.status == .overdue {
            result.append(Finding(key: "overdue", german: "Frist überschritten", english: "deadline passed"))
        }
        return result
    }
}
