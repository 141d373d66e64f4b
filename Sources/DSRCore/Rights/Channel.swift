/// How a request reached the controller.
public enum Channel: String, CaseIterable, Sendable, Codable {
    case email
    case post
    case facebook
    case twitter
    case instagram
    case youtube
    case phone
    case inPerson = "in-person"

    /// German name.
    public var germanName: String {
        switch self {
        case .email: "E-Mail"
        case .post: "Post"
        case .facebook: "Facebook"
        case .twitter: "X (Twitter)"
        case .instagram: "Instagram"
        case .youtube: "YouTube"
        case .phone: "Telefon"
        case .inPerson: "persönlich"
        }
    }

    /// Whether a reply through this channel goes out by a social network's message function.
    public var isSocialNetwork: Bool {
        switch self {
        case .facebook, .twitter, .instagram, .youtube: true
        case .email, .post, .phone, .inPerson: false
        }
    }

    /// The channel named by `text`: the key, or a common German or English name.
    public init?(name text: String) {
        let key = text.inputKey
        let aliases: [String: Channel] = [
            "e-mail": .email, "mail": .email, "brief": .post, "letter": .post, "x": .twitter,
            "telefon": .phone, "persönlich": .inPerson, "persoenlich": .inPerson, "vor-ort": .inPerson,
        ]
        guard let channel = Channel(rawValue: key) ?? aliases[key] else { return nil }
        self = channel
    }
}

/// What came of one request.
public enum Outcome: String, CaseIterable, Sendable, Codable {
    /// Done as asked (information given, data erased, …).
    case granted
    /// Partly done, partly refused (Art. 12(4) applies to the refused part).
    case partial
    /// Refused, with reasons and legal basis (Art. 12(4), 12(5), LDSG RLP § 12 …).
    case refused
    /// The controller holds no data about the person.
    case noData = "no-data"

    public var germanName: String {
        switch self {
        case .granted: "stattgegeben"
        case .partial: "teilweise stattgegeben"
        case .refused: "abgelehnt"
        case .noData: "keine Daten vorhanden"
        }
    }

    /// Whether the controller did not (fully) act, so Art. 12(4) requires reasons and the
    /// information about complaint and judicial remedy.
    public var needsReasons: Bool { self == .partial || self == .refused }
}
