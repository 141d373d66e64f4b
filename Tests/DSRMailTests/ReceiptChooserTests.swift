import DSRCore
import DSRMail
import Testing

@Suite("The evidence of receipt")
struct ReceiptChooserTests {
    private static let city = ["mx1.kaiserslautern.de", "*.stadt-kl.de"]
    private static let now = Instant(secondsSinceEpoch: 1_796_200_000)  // 2026-12-02
    /// A moment after every fixture message.
    private static let later = Instant(secondsSinceEpoch: 1_797_000_000)  // 2026-12-11

    /// An instant some seconds from `now`.
    private func at(_ seconds: Int64) -> Instant { Self.now.adding(seconds: seconds) }

    /// A message with the given hops and date.
    private func message(hops: [ReceivedHop], date: Instant? = nil, embedded: [MailMessage] = []) -> MailMessage {
        MailMessage(date: date, received: hops, embedded: embedded)
    }

    @Test("the topmost own-host Received hop is chosen; outside hops are no candidates")
    func topmostOwnHop() {
        let hops = [
            ReceivedHop(by: "mail.stadt-kl.de", from: "mx1.kaiserslautern.de", at: at(-100)),
            ReceivedHop(by: "mx1.kaiserslautern.de", from: "mout.example.net", at: at(-110)),
            ReceivedHop(by: "mout.example.net", from: "[192.0.2.1]", at: at(-120)),
        ]
        let delivered = ReceiptCandidate(source: .maildirDelivery, at: at(-90))
        let evidence = ReceiptChooser.evidence(
            for: message(hops: hops, date: at(-130)), ownHosts: Self.city, delivered: delivered, now: Self.now)
        #expect(
            evidence.candidates == [
                ReceiptCandidate(source: .receivedHeader, at: at(-100), host: "mail.stadt-kl.de"),
                ReceiptCandidate(source: .receivedHeader, at: at(-110), host: "mx1.kaiserslautern.de"),
                delivered,
                ReceiptCandidate(source: .dateHeader, at: at(-130)),
            ])
        #expect(evidence.chosen == evidence.candidates.first)
        #expect(evidence.doubts.isEmpty)
    }

    @Test("own hosts: exact names in any case, `*.` and `.` for subdomains but not the domain itself")
    func hostPatterns() {
        let hop = [ReceivedHop(by: "mx1.kaiserslautern.de", from: nil, at: at(-10))]
        for hosts in [
            ["MX1.Kaiserslautern.DE"], ["*.kaiserslautern.de"], [".kaiserslautern.de"], ["mx1.kaiserslautern.de."],
        ] {
            let evidence = ReceiptChooser.evidence(
                for: message(hops: hop), ownHosts: hosts, delivered: nil, now: Self.now)
            #expect(evidence.chosen?.source == .receivedHeader, "\(hosts)")
        }
        for hosts in [["kaiserslautern.de"], ["*.mx1.kaiserslautern.de"], ["x1.kaiserslautern.de"], [""], []] {
            let evidence = ReceiptChooser.evidence(
                for: message(hops: hop), ownHosts: hosts, delivered: nil, now: Self.now)
            #expect(evidence.chosen == nil, "\(hosts)")
        }
    }

    @Test("without an own-host hop: the delivery, else the Date header, both weaker evidence")
    func weakerSources() {
        let outside = [ReceivedHop(by: "mout.example.net", from: nil, at: at(-10))]
        let delivered = ReceiptCandidate(source: .mboxFromLine, at: at(-20))
        let byDelivery = ReceiptChooser.evidence(
            for: message(hops: outside, date: at(-30)), ownHosts: Self.city, delivered: delivered, now: Self.now)
        #expect(byDelivery.chosen == delivered)
        #expect(byDelivery.doubts == [.weakerEvidence])
        let byDate = ReceiptChooser.evidence(
            for: message(hops: outside, date: at(-30)), ownHosts: Self.city, delivered: nil, now: Self.now)
        #expect(byDate.chosen == ReceiptCandidate(source: .dateHeader, at: at(-30)))
        #expect(byDate.doubts == [.weakerEvidence])
    }

    @Test("forwarded originals are listed, never chosen")
    func forwardedOriginals() {
        let original = message(
            hops: [ReceivedHop(by: "mx1.kaiserslautern.de", from: nil, at: at(-5000))], date: at(-5010))
        let forward = message(hops: [], date: at(-4000), embedded: [original])
        let evidence = ReceiptChooser.evidence(
            for: message(hops: [], embedded: [forward]), ownHosts: Self.city, delivered: nil, now: Self.now)
        #expect(
            evidence.candidates == [
                ReceiptCandidate(source: .forwardedOriginal, at: at(-4000)),
                ReceiptCandidate(source: .forwardedOriginal, at: at(-5000), host: "mx1.kaiserslautern.de"),
                ReceiptCandidate(source: .forwardedOriginal, at: at(-5010)),
            ])
        #expect(evidence.chosen == nil)
        #expect(evidence.doubts.isEmpty)
    }

    @Test("a moment more than 300 s ahead is in the future; it is still listed and chosen")
    func inFuture() {
        let ahead = ReceiptChooser.evidence(
            for: message(hops: [ReceivedHop(by: "mx1.kaiserslautern.de", from: nil, at: at(301))]),
            ownHosts: Self.city, delivered: nil, now: Self.now)
        #expect(ahead.chosen?.at == at(301))
        #expect(ahead.doubts == [.inFuture])
        let skew = ReceiptChooser.evidence(
            for: message(hops: [ReceivedHop(by: "mx1.kaiserslautern.de", from: nil, at: at(300))]),
            ownHosts: Self.city, delivered: nil, now: Self.now)
        #expect(skew.doubts.isEmpty)
    }

    @Test("a moment before 1995 is doubted")
    func before1995() {
        let old = Instant(secondsSinceEpoch: 788_918_399)  // 1994-12-31T23:59:59Z
        let evidence = ReceiptChooser.evidence(
            for: message(hops: [], date: old), ownHosts: Self.city, delivered: nil, now: Self.now)
        #expect(evidence.candidates == [ReceiptCandidate(source: .dateHeader, at: old)])
        #expect(evidence.doubts == [.weakerEvidence, .before1995])
        let first = ReceiptChooser.evidence(
            for: message(hops: [], date: old.adding(seconds: 1)), ownHosts: Self.city, delivered: nil, now: Self.now)
        #expect(first.doubts == [.weakerEvidence])
    }

    @Test("an own-host date more than a day from the delivery is doubted")
    func farFromDelivery() {
        let hops = [ReceivedHop(by: "mx1.kaiserslautern.de", from: nil, at: at(-100_000))]
        let far = ReceiptChooser.evidence(
            for: message(hops: hops), ownHosts: Self.city,
            delivered: ReceiptCandidate(source: .maildirDelivery, at: at(-100_000 + 86_401)), now: Self.now)
        #expect(far.doubts == [.farFromDelivery])
        let near = ReceiptChooser.evidence(
            for: message(hops: hops), ownHosts: Self.city,
            delivered: ReceiptCandidate(source: .maildirDelivery, at: at(-100_000 + 86_400)), now: Self.now)
        #expect(near.doubts.isEmpty)
    }

    @Test("no moment at all: nothing chosen, no doubts")
    func nothing() {
        let evidence = ReceiptChooser.evidence(for: MailMessage(), ownHosts: Self.city, delivered: nil, now: Self.now)
        #expect(evidence == ReceiptEvidence(candidates: [], chosen: nil, doubts: []))
    }

    @Test("the fixture request: the city MX, or the city's delivery host when every city host counts")
    func fixtureRequest() throws {
        let message = try MailFixtures.message("01-request-utf8.eml")
        let mx = ReceiptChooser.evidence(
            for: message, ownHosts: ["mx1.kaiserslautern.de"], delivered: nil, now: Self.later)
        #expect(mx.chosen?.source == .receivedHeader)
        #expect(mx.chosen?.host == "mx1.kaiserslautern.de")
        #expect(MailFixtures.utc(mx.chosen?.at) == "2026-12-01T08:12:03Z")
        #expect(mx.doubts.isEmpty)
        let all = ReceiptChooser.evidence(
            for: message, ownHosts: ["*.kaiserslautern.de"], delivered: nil, now: Self.later)
        #expect(all.chosen?.host == "mail.kaiserslautern.de")
        #expect(all.candidates.map(\.source) == [.receivedHeader, .receivedHeader, .dateHeader])
    }

    @Test("the fixture forward: the forwarding hop chosen, the originals listed")
    func fixtureForward() throws {
        let message = try MailFixtures.message("09-nested-forward.eml")
        let evidence = ReceiptChooser.evidence(
            for: message, ownHosts: ["*.kaiserslautern.de"], delivered: nil, now: Self.later)
        #expect(
            evidence.candidates.map(\.source) == [.receivedHeader, .dateHeader]
                + Array(repeating: .forwardedOriginal, count: 4))
        #expect(
            evidence.candidates.map { MailFixtures.utc($0.at) } == [
                "2026-12-03T09:30:00Z", "2026-12-03T09:29:41Z", "2026-11-30T17:45:12Z", "2026-11-30T17:45:03Z",
                "2026-10-16T06:00:00Z", "2026-10-16T05:59:50Z",
            ])
        #expect(evidence.chosen == evidence.candidates.first)
        #expect(evidence.doubts.isEmpty)
    }
}
