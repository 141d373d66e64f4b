extension Channel {
    /// The channel's name in the language (`E-Mail`, `e-mail`).
    public func label(_ language: Language) -> String {
        switch language {
        case .de: germanName
        case .en:
            switch self {
            case .email: "e-mail"
            case .post: "post"
            case .facebook: "Facebook"
            case .twitter: "X (Twitter)"
            case .instagram: "Instagram"
            case .youtube: "YouTube"
            case .phone: "telephone"
            case .inPerson: "in person"
            }
        }
    }
}

extension Outcome {
    /// The outcome's name in the language (`abgelehnt`, `refused`).
    public func label(_ language: Language) -> String {
        switch language {
        case .de: germanName
        case .en:
            switch self {
            case .granted: "granted"
            case .partial: "partly granted"
            case .refused: "refused"
            case .noData: "no data held"
            }
        }
    }
}

extension Role {
    /// The role's name in the language (`Leitung`, `supervisor`).
    public func label(_ language: Language) -> String {
        language.pick(germanName, rawValue == "dpo" ? "data protection officer" : rawValue)
    }
}
