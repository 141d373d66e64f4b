import DSRCore

/// Where a moment of receipt was read from, strongest first; the raw value is the stable key.
public enum ReceiptSource: String, Sendable, Codable, CaseIterable {
    /// The topmost `Received:` header added by one of the controller's own mail hosts.
    case receivedHeader = "received-header"
    /// When the mail system delivered the file into the Maildir (its modification time).
    case maildirDelivery = "maildir-delivery"
    /// The date of the mbox `From ` line.
    case mboxFromLine = "mbox-from-line"
    /// When the tracker itself took the message in (API or upload).
    case takenIn = "taken-in"
    /// The sender's own `Date:` header.
    case dateHeader = "date-header"
    /// A time of a forwarded (embedded) message: the city received it then.
    case forwardedOriginal = "forwarded-original"
    /// Set by a clerk, with a reason.
    case clerk

    /// Whether this is weaker evidence than a `Received:` header of an own host.
    public var isWeaker: Bool { self != .receivedHeader }
}

/// Doubts about a moment of receipt; never resolved by guessing, only shown.
public enum ReceiptDoubt: String, Sendable, Codable, CaseIterable, Comparable {
    /// No `Received:` header of an own host: a weaker source was taken.
    case weakerEvidence = "weaker-evidence"
    /// The moment lies in the future.
    case inFuture = "in-future"
    /// The moment lies before 1995.
    case before1995 = "before-1995"
    /// The `Received:` date is more than a day away from the delivery time.
    case farFromDelivery = "far-from-delivery"

    /// Ordered by the stable key, for a stable display.
    public static func < (lhs: ReceiptDoubt, rhs: ReceiptDoubt) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One moment a message offers as its receipt, and where it comes from.
public struct ReceiptCandidate: Sendable, Equatable, Codable {
    public var source: ReceiptSource
    public var at: Instant
    /// The host that added the `Received:` header, for that source.
    public var host: String?

    /// A candidate of a source and moment, with the host for a `Received:` header.
    public init(source: ReceiptSource, at: Instant, host: String? = nil) {
        self.source = source
        self.at = at
        self.host = host
    }
}

/// Every moment a message offers, the one chosen as its receipt and why, and any doubts.
public struct ReceiptEvidence: Sendable, Equatable {
    /// All candidates, strongest source first.
    public var candidates: [ReceiptCandidate]
    /// The chosen moment; nil only when the message offers none at all.
    public var chosen: ReceiptCandidate?
    public var doubts: Set<ReceiptDoubt>

    /// Evidence of the given candidates, choice and doubts.
    public init(candidates: [ReceiptCandidate], chosen: ReceiptCandidate?, doubts: Set<ReceiptDoubt>) {
        self.candidates = candidates
        self.chosen = chosen
        self.doubts = doubts
    }
}
