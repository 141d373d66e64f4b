import DSRApp
import DSRCore
import DSRLedger
import DSRMail
import Foundation
import Testing

/// A request as the city's MX received it: an outside hop, then `mx1.kaiserslautern.de`.
private func request(
    messageID: String? = "<req-1@example.org>", body: String = "Ich bitte um Auskunft nach Art. 15 DSGVO.",
    received: String = "Thu, 19 Nov 2026 09:12:03 +0100", date: String = "Thu, 19 Nov 2026 09:11:40 +0100"
) -> [UInt8] {
    var lines = [
        "Received: from mail.example.org (mail.example.org [192.0.2.10])",
        "\tby mx1.kaiserslautern.de (Postfix) with ESMTPS id 4AbC;",
        "\t\(received)",
        "Received: from [10.0.0.5] by mail.example.org; Thu, 19 Nov 2026 09:11:58 +0100",
        "From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.org>",
        "To: socialmedia@kaiserslautern.de",
        "Subject: Auskunftsersuchen",
        "Date: \(date)",
    ]
    if let messageID { lines.append("Message-ID: \(messageID)") }
    lines += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", body, ""]
    return Array(lines.joined(separator: "\r\n").utf8)
}

/// A mail from another office of the city that forwards the request it received first.
private func forward() -> [UInt8] {
    let inner = String(
        decoding: request(messageID: "<orig@example.org>", received: "Mon, 16 Nov 2026 16:02:00 +0100"), as: UTF8.self)
    let text = """
        Received: from rathaus.kaiserslautern.de by mx2.kaiserslautern.de; Wed, 18 Nov 2026 08:30:00 +0100\r
        From: Buergerbuero <buergerbuero@kaiserslautern.de>\r
        To: socialmedia@kaiserslautern.de\r
        Subject: WG: Auskunftsersuchen\r
        Date: Wed, 18 Nov 2026 08:29:50 +0100\r
        Message-ID: <fwd-1@kaiserslautern.de>\r
        MIME-Version: 1.0\r
        Content-Type: multipart/mixed; boundary="b1"\r
        \r
        --b1\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        Zur Bearbeitung, ging bei uns ein.\r
        --b1\r
        Content-Type: message/rfc822\r
        \r
        \(inner)\r
        --b1--\r

        """
    return Array(text.utf8)
}

/// The item a message became; the test fails if it was not taken in.
private func taken(_ outcome: IntakeOutcome) throws -> InboxItem {
    guard case .taken(let item) = outcome else { throw IntakeFailure(outcome: outcome) }
    return item
}

private struct IntakeFailure: Error, CustomStringConvertible {
    let outcome: IntakeOutcome
    var description: String { "not taken in: \(outcome)" }
}

@Suite("Inbox: intake, evidence of receipt, cases from items")
struct InboxTests {
    @Test("a message becomes an item dated by the own MX's Received:, and a case with that evidence")
    func itemToCase() throws {
        let fixture = try AppFixture()
        defer { fixture.remove() }
        let clerk = try fixture.session(AppFixture.clerk)
        let item = try taken(clerk.takeIn(message: request(), origin: .file))
        #expect(item.state == .new)
        #expect(item.receiptSource == "received-header")
        #expect(item.receivedAt == (try fixture.instant("2026-11-19 09:12:03")))
        let detail = try clerk.inboxItem(item.id)
        #expect(detail.senderName == .text("Jürgen Müller"))
        #expect(detail.senderAddress == .text("juergen@example.org"))
        #expect(detail.document?.text == "Ich bitte um Auskunft nach Art. 15 DSGVO.")
        #expect(detail.candidates.first?.host == "mx1.kaiserslautern.de")
        #expect(detail.candidates.map(\.source) == [.receivedHeader, .dateHeader])
        let change = try clerk.openCase(fromItem: item.id, CaseFromItem(kinds: [.access], personal: detail.prefill))
        #expect(change.state.receivedAt == (try fixture.instant("2026-11-19 09:12:03")))
        #expect(change.state.channel == .email)
        let caseDetail = try clerk.caseDetail(change.state.id)
        let evidence = try #require(caseDetail.receiptEvidence)
        #expect(evidence.item == item.id)
        #expect(evidence.source == "received-header")
        #expect(evidence.sha256 == item.sha256)
        #expect(caseDetail.personal.current(.subject) == .text("Jürgen Müller"))
        #expect(try clerk.inboxItem(item.id).item.state == .caseOpened)
        let again = #expect(throws: AppError.self) {
            try clerk.openCase(fromItem: item.id, CaseFromItem(kinds: [.access], personal: detail.prefill))
        }
        #expect(again?.kind == .conflict)
        #expect(try fixture.session(AppFixture.dpo).verify().isIntact)
    }

    @Test("the same Message-ID with the same content is counted; with other content, or none, it is kept and flagged")
    func duplicates() throws {
        let fixture = try AppFixture()
        defer { fixture.remove() }
        let clerk = try fixture.session(AppFixture.clerk)
        let first = try taken(clerk.takeIn(message: request(), origin: .maildir))
        // Delivered again through another hop: other trace headers, same message.
        let redelivered =
            Array("Received: by mx2.kaiserslautern.de; Thu, 19 Nov 2026 09:20:00 +0100\r\n".utf8) + request()
        #expect(
            try clerk.takeIn(message: redelivered, origin: .maildir)
                == .duplicate(try clerk.inboxItem(first.id).item))
        #expect(try clerk.inboxItem(first.id).item.duplicates == 1)
        let other = try taken(clerk.takeIn(message: request(body: "Anderer Text."), origin: .maildir))
        #expect(other.flags.contains("duplicate-message-id"))
        let bare = try taken(clerk.takeIn(message: request(messageID: nil), origin: .maildir))
        let bareAgain = try taken(clerk.takeIn(message: request(messageID: nil), origin: .maildir))
        #expect(bare.id != bareAgain.id)
        #expect(bareAgain.flags.contains("no-message-id"))
        #expect(try clerk.inboxCounts()[.new] == 4)
    }

    @Test("what is not mail is refused and nothing is stored")
    func notMail() throws {
        let fixture = try AppFixture()
        defer { fixture.remove() }
        let clerk = try fixture.session(AppFixture.clerk)
        let events = try fixture.eventCount()
        for bytes in [
            [], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], Array("just some text\n".utf8),
        ] {
            guard case .refused(let reason) = try clerk.takeIn(message: bytes, origin: .upload) else {
                Issue.record("taken in: \(bytes.prefix(8))")
                continue
            }
            #expect(!reason.isEmpty && !reason.contains("\n"))
        }
        #expect(try fixture.eventCount() == events)
        #expect(try clerk.inbox().isEmpty)
    }

    @Test("without an own Received:, a file's Date: counts before the moment it was taken in, flagged weaker")
    func weakerEvidence() throws {
        let fixture = try AppFixture()
        defer { fixture.remove() }
        let clerk = try fixture.session(AppFixture.clerk)
        let outside = Array(
            "From: a@example.org\r\nDate: Wed, 18 Nov 2026 10:00:00 +0100\r\nMessage-ID: <w@example.org>\r\n\r\nBitte loeschen.\r\n"
                .utf8)
        let item = try taken(clerk.takeIn(message: outside, origin: .upload))
        #expect(item.receiptSource == "date-header")
        #expect(item.flags.contains("weaker-evidence"))
        let undated = Array("From: a@example.org\r\nSubject: ohne Datum\r\n\r\nText\r\n".utf8)
        let last = try taken(clerk.takeIn(message: undated, origin: .upload))
        #expect(last.receiptSource == "taken-in")
        #expect(last.receivedAt == fixture.now)
        #expect(last.flags.contains("no-date"))
    }

    @Test("a forwarded request may take the earlier receipt of the office it first reached, with a reason")
    func forwardedOriginal() throws {
        let fixture = try AppFixture()
        defer { fixture.remove() }
        let clerk = try fixture.session(AppFixture.clerk)
        let item = try taken(clerk.takeIn(message: forward(), origin: .maildir))
        let detail = try clerk.inboxItem(item.id)
        #expect(detail.item.receivedAt == (try fixture.instant("2026-11-18 08:30")))
        #expect(detail.document?.forwarded.first?.from?.address == "juergen@example.org")
        let original = try #require(
            detail.candidates.firstIndex {
                $0.source == .forwardedOriginal && $0.at == (try? fixture.instant("2026-11-16 16:02"))
            })
        let noReason = #expect(throws: AppError.self) {
            try clerk.openCase(
                fromItem: item.id,
                CaseFromItem(kinds: [.access], receipt: .candidate(original, reason: " "), personal: detail.prefill))
        }
        #expect(noReason?.kind == .badInput)
        let change = try clerk.openCase(
            fromItem: item.id,
            CaseFromItem(
                kinds: [.access], receipt: .candidate(original, reason: "ging zuerst beim Bürgerbüro ein"),
                personal: detail.prefill))
        #expect(change.state.receivedAt == (try fixture.instant("2026-11-16 16:02")))
        let evidence = try #require(try clerk.caseDetail(change.state.id).receiptEvidence)
        #expect(evidence.source == "forwarded-original")
        #expect(evidence.reason == .text("ging zuerst beim Bürgerbüro ein"))
    }

    @Test("a clerk's moment needs a reason and may not lie in the future")
    func statedMoment() throws {
        let fixture = try AppFixture()
        defer { fixture.remove() }
        let clerk = try fixture.session(AppFixture.clerk)
        let item = try taken(clerk.takeIn(message: request(), origin: .file))
        let prefill = try clerk.inboxItem(item.id).prefill
        let future = #expect(throws: AppError.self) {
            try clerk.openCase(
                fromItem: item.id,
                CaseFromItem(
                    kinds: [.access], receipt: .stated(try fixture.instant("2026-12-24 10:00"), reason: "x"),
                    personal: prefill))
        }
        #expect(future?.message == "the moment of receipt lies in the future")
        let change = try clerk.openCase(
            fromItem: item.id,
            CaseFromItem(
                kinds: [.erasure],
                receipt: .stated(try fixture.instant("2026-11-19 08:00"), reason: "Papierausdruck mit Eingangsstempel"),
                personal: prefill))
        #expect(try clerk.caseDetail(change.state.id).receiptEvidence?.source == "clerk")
    }

    @Test("a dismissed item keeps its message for the inbox retention, then purge erases it and the chain verifies")
    func dismissAndPurge() throws {
        let fixture = try AppFixture()
        defer { fixture.remove() }
        let clerk = try fixture.session(AppFixture.clerk)
        let item = try taken(clerk.takeIn(message: request(), origin: .file))
        #expect(throws: AppError.self) { try clerk.dismiss(item: item.id, reason: "  ") }
        try clerk.dismiss(item: item.id, reason: "keine Betroffenenanfrage")
        #expect(try clerk.inboxItem(item.id).item.state == .dismissed)
        let dpo = try fixture.session(AppFixture.dpo)
        #expect(try dpo.purgeInbox(at: try fixture.instant("2026-12-10 12:00"), dryRun: true).items == 0)
        let later = try fixture.instant("2026-12-21 12:00")
        let candidates = try dpo.purgeInbox(at: later, dryRun: true)
        #expect(candidates.items == 1 && candidates.records == 6)
        #expect(try dpo.purgeInbox(at: later, dryRun: false).records == 6)
        let erased = try clerk.inboxItem(item.id)
        #expect(erased.senderName == .erased && erased.document == nil && erased.item.purged)
        #expect(try dpo.purgeInbox(at: later, dryRun: false).items == 0)
        #expect(try dpo.verify().isIntact)
    }

    @Test("API tokens act as their account, are kept hashed, and stop at once when revoked")
    func tokens() throws {
        let fixture = try AppFixture()
        defer { fixture.remove() }
        let supervisor = try fixture.session(AppFixture.supervisor)
        #expect(throws: AppError.self) {
            try fixture.session(AppFixture.clerk).createAPIToken(for: AppFixture.clerk, name: "x")
        }
        let created = try supervisor.createAPIToken(for: AppFixture.clerk, name: "Kontaktformular")
        #expect(created.token.hasPrefix("dsr_") && created.token.count > 40)
        let session = try #require(try fixture.tracker.apiSession(token: created.token, now: fixture.now))
        #expect(session.actor == AppFixture.clerk && session.access.role == .clerk)
        #expect(try fixture.tracker.apiSession(token: created.token + "x", now: fixture.now) == nil)
        try supervisor.revokeAPIToken(created.stored.id)
        #expect(try fixture.tracker.apiSession(token: created.token, now: fixture.now) == nil)
        #expect(throws: AppError.self) { try supervisor.revokeAPIToken(created.stored.id) }
    }
}
