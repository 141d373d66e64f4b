import DSRCore

/// Chooses the evidence of when a message reached the controller (the GDPR month runs from then).
public enum ReceiptChooser {
    /// How far in the future a moment may lie before it is doubted (clock skew).
    private static let futureTolerance: UInt64 = 300
    /// How far a `Received:` date may lie from the delivery time before it is doubted.
    private static let deliveryTolerance: UInt64 = 86_400
    /// 1995-01-01T00:00:00Z: earlier moments are doubted.
    private static let earliestPlausible = Instant(secondsSinceEpoch: 788_918_400)

    /// The evidence of a message's moment of receipt.
    /// - ownHosts: the controller's receiving mail hosts from the policy: exact names
    ///   (case-insensitive) or `*.example.org` (any subdomain), or `.example.org` same meaning.
    /// - delivered: the delivery moment and its source (.maildirDelivery, .mboxFromLine or
    ///   .takenIn), if any.
    ///
    /// Candidates: the `Received:` hops of own hosts (topmost first), `delivered`, the `Date:`
    /// header, then for each embedded message (depth first, in order) its own-host hops and its
    /// date as `.forwardedOriginal`. Chosen: the topmost own-host hop, else `delivered`, else the
    /// date; a forwarded original never (a clerk decides). Dates in the future or before 1995 are
    /// listed and doubted, never corrected.
    public static func evidence(
        for message: MailMessage, ownHosts: [String], delivered: ReceiptCandidate?, now: Instant
    ) -> ReceiptEvidence {
        let patterns = ownHosts.compactMap(HostPattern.init)
        let ownHops = ownHostCandidates(message, patterns: patterns, source: .receivedHeader)
        let dateCandidate = message.date.map { ReceiptCandidate(source: .dateHeader, at: $0) }
        var candidates = ownHops + [delivered, dateCandidate].compactMap { $0 }
        for embedded in message.embedded { candidates += forwardedCandidates(embedded, patterns: patterns) }
        let chosen = ownHops.first ?? delivered ?? dateCandidate
        var doubts = Set<ReceiptDoubt>()
        if let chosen {
            if chosen.source.isWeaker { doubts.insert(.weakerEvidence) }
            if chosen.at > now, seconds(between: chosen.at, and: now) > futureTolerance { doubts.insert(.inFuture) }
            if chosen.at < earliestPlausible { doubts.insert(.before1995) }
        }
        if let delivered,
            ownHops.contains(where: { seconds(between: $0.at, and: delivered.at) > deliveryTolerance })
        {
            doubts.insert(.farFromDelivery)
        }
        return ReceiptEvidence(candidates: candidates, chosen: chosen, doubts: doubts)
    }

    /// The dates of a message's `Received:` hops added by an own host, topmost first (what a
    /// forwarded message shows of its own receipt).
    public static func ownHostReceipts(of message: MailMessage, ownHosts: [String]) -> [Instant] {
        ownHostCandidates(message, patterns: ownHosts.compactMap(HostPattern.init), source: .receivedHeader).map(\.at)
    }

    /// The dated `Received:` hops of a message added by an own host, topmost first.
    private static func ownHostCandidates(
        _ message: MailMessage, patterns: [HostPattern], source: ReceiptSource
    ) -> [ReceiptCandidate] {
        message.received.compactMap { hop in
            guard let host = hop.by, let at = hop.at, patterns.contains(where: { $0.matches(host) }) else { return nil }
            return ReceiptCandidate(source: source, at: at, host: host)
        }
    }

    /// The forwarded-original candidates of an embedded message and of those inside it.
    private static func forwardedCandidates(_ message: MailMessage, patterns: [HostPattern]) -> [ReceiptCandidate] {
        var candidates = ownHostCandidates(message, patterns: patterns, source: .forwardedOriginal)
        if let date = message.date { candidates.append(ReceiptCandidate(source: .forwardedOriginal, at: date)) }
        for embedded in message.embedded { candidates += forwardedCandidates(embedded, patterns: patterns) }
        return candidates
    }

    /// The seconds between two instants, either order, without overflow for any values.
    private static func seconds(between first: Instant, and second: Instant) -> UInt64 {
        let (a, b) = (first.secondsSinceEpoch, second.secondsSinceEpoch)
        return a >= b ? UInt64(bitPattern: a &- b) : UInt64(bitPattern: b &- a)
    }
}
