/// What a data subject asks for: one right of the GDPR, or a civil claim.
///
/// The raw value is the stable English key used in policy files, JSON and the database.
public enum RequestKind: String, CaseIterable, Sendable, Codable {
    /// Art. 15 GDPR — Auskunft.
    case access
    /// Art. 16 — Berichtigung.
    case rectification
    /// Art. 17 — Löschung.
    case erasure
    /// Art. 18 — Einschränkung der Verarbeitung ("Sperrung").
    case restriction
    /// Art. 20 — Datenübertragbarkeit.
    case portability
    /// Art. 21 — Widerspruch.
    case objection
    /// Art. 22 — automatisierte Entscheidung im Einzelfall.
    case automatedDecision = "automated-decision"
    /// Art. 7(3) — Widerruf der Einwilligung.
    case consentWithdrawal = "consent-withdrawal"
    /// Civil claim to cease and desist (Unterlassung, §§ 1004, 823 BGB analogously).
    case injunction
    /// Civil claim to remove an impairment (Beseitigung, § 1004 BGB analogously).
    case removal

    /// German name as the press office uses it.
    public var germanName: String {
        switch self {
        case .access: "Auskunft"
        case .rectification: "Berichtigung"
        case .erasure: "Löschung"
        case .restriction: "Einschränkung (Sperrung)"
        case .portability: "Datenübertragbarkeit"
        case .objection: "Widerspruch"
        case .automatedDecision: "Automatisierte Entscheidung"
        case .consentWithdrawal: "Widerruf der Einwilligung"
        case .injunction: "Unterlassung"
        case .removal: "Beseitigung"
        }
    }

    /// English name.
    public var englishName: String {
        switch self {
        case .access: "Access"
        case .rectification: "Rectification"
        case .erasure: "Erasure"
        case .restriction: "Restriction of processing"
        case .portability: "Data portability"
        case .objection: "Objection"
        case .automatedDecision: "Automated individual decision"
        case .consentWithdrawal: "Withdrawal of consent"
        case .injunction: "Injunction (cease and desist)"
        case .removal: "Removal"
        }
    }

    /// The legal source of the right.
    public var legalSource: String {
        switch self {
        case .access: "Art. 15 DSGVO"
        case .rectification: "Art. 16 DSGVO"
        case .erasure: "Art. 17 DSGVO"
        case .restriction: "Art. 18 DSGVO"
        case .portability: "Art. 20 DSGVO"
        case .objection: "Art. 21 DSGVO"
        case .automatedDecision: "Art. 22 DSGVO"
        case .consentWithdrawal: "Art. 7 Abs. 3 DSGVO"
        case .injunction: "§ 1004 BGB analog i. V. m. § 823 BGB"
        case .removal: "§ 1004 BGB analog"
        }
    }

    /// A civil claim, not a GDPR right: no statutory period, the claimant sets the date.
    public var isCivilClaim: Bool { self == .injunction || self == .removal }

    /// The names accepted on input: English keys and German names (with or without umlauts),
    /// in lower case.
    public var inputNames: [String] {
        switch self {
        case .access: ["access", "auskunft"]
        case .rectification: ["rectification", "berichtigung"]
        case .erasure: ["erasure", "löschung", "loeschung"]
        case .restriction: ["restriction", "einschränkung", "einschraenkung", "sperrung"]
        case .portability: ["portability", "datenübertragbarkeit", "datenuebertragbarkeit"]
        case .objection: ["objection", "widerspruch"]
        case .automatedDecision: ["automated-decision", "automatisierte-entscheidung"]
        case .consentWithdrawal:
            ["consent-withdrawal", "widerruf", "widerruf-der-einwilligung", "einwilligungswiderruf"]
        case .injunction: ["injunction", "unterlassung"]
        case .removal: ["removal", "beseitigung"]
        }
    }

    /// The kind named by `text` in German or English, ignoring case, surrounding blanks, and
    /// blanks or underscores in place of hyphens.
    public init?(name text: String) {
        let key = text.inputKey
        guard let kind = RequestKind.allCases.first(where: { $0.inputNames.contains(key) })
        else { return nil }
        self = kind
    }
}
