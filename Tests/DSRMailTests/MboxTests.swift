import DSRMail
import Foundation
import Testing

@Suite("mbox files")
struct MboxTests {
    /// The entries of a fixture mbox.
    private func entries(_ name: String, variant: MboxVariant = .mboxrd) -> [MboxEntry] {
        Array(Mbox.entries(in: Data(MailFixtures.bytes(name)), variant: variant))
    }

    @Test("mboxrd: three messages, From-line dates, one `>` removed from every quoted From line")
    func mboxrd() throws {
        let messages = entries("requests.mbox")
        #expect(messages.count == 3)
        #expect(
            messages.map { MailFixtures.utc($0.fromLineDate) } == [
                "2026-12-01T09:12:03Z", "2026-12-02T13:03:15Z", "2026-12-03T10:30:00Z",
            ])
        let first = try MailParser.parse(messages[0].bytes)
        #expect(first.messageID == "mbox-1@example.org")
        #expect(
            first.text
                == "Zeile eins.\nFrom the start, ich habe nie eingewilligt.\n>From here on: zitiert.\n"
                + "From mitten im Satz bleibt stehen.")
        #expect(
            messages[1].bytes
                == MailFixtures.bytes(
                    of: "From: Anna Schaefer <anna.schaefer@example.com>\nTo: datenschutz@kaiserslautern.de\n"
                        + "Subject: Zweite Nachricht\nDate: Wed, 2 Dec 2026 14:03:11 +0100\n"
                        + "Message-ID: <mbox-2@example.com>\n\nZweiter Text.\n"))
        let last = try MailParser.parse(messages[2].bytes)
        #expect(last.subject == "Dritte Nachricht")
        #expect(last.text.isEmpty)
        #expect(messages[2].bytes.suffix(2) == Array(">\n".utf8)[...])
    }

    @Test("mboxo: only `>From ` with exactly one `>` is unquoted")
    func mboxo() throws {
        let first = try MailParser.parse(entries("requests.mbox", variant: .mboxo)[0].bytes)
        #expect(first.text.contains("\nFrom the start,"))
        #expect(first.text.contains("\n>>From here on: zitiert."))
    }

    @Test("CRLF mbox: the separating blank line is dropped, CRLF kept")
    func crlf() {
        let messages = entries("crlf.mbox")
        #expect(messages.count == 2)
        #expect(messages[0].bytes.suffix(9) == Array("stehen.\r\n".utf8)[...])
        #expect(messages[1].bytes.suffix(15) == Array("Zweiter Text.\r\n".utf8)[...])
        #expect(MailFixtures.utc(messages[1].fromLineDate) == "2026-12-02T13:03:15Z")
    }

    @Test("what an mbox looks like")
    func looksLikeMbox() {
        #expect(Mbox.looksLikeMbox(MailFixtures.bytes("requests.mbox")))
        #expect(!Mbox.looksLikeMbox(MailFixtures.bytes("01-request-utf8.eml")))
        #expect(!Mbox.looksLikeMbox([UInt8]()))
    }

    @Test("odd mboxes: none, leading text, a From line without a date, a message without a line end")
    func oddFiles() {
        #expect(Array(Mbox.entries(in: Data())).isEmpty)
        #expect(Array(Mbox.entries(in: Data("no mbox at all\n".utf8))).isEmpty)
        let odd = Array(Mbox.entries(in: Data("junk\n\nFrom someone\nSubject: x\n\nbody".utf8)))
        #expect(odd == [MboxEntry(bytes: Array("Subject: x\n\nbody".utf8), fromLineDate: nil)])
        let empty = Array(Mbox.entries(in: Data("From a\nFrom b Tue Dec  1 09:12:03 2026\n".utf8)))
        #expect(empty.count == 1)
        #expect(empty.first?.bytes == Array("From b Tue Dec  1 09:12:03 2026\n".utf8))
    }

    @Test("ten thousand messages are read one at a time")
    func manyMessages() {
        let one = "From a@example.org Tue Dec  1 09:12:03 2026\nFrom: a@example.org\n\nText\n\n"
        let data = Data(String(repeating: one, count: 10_000).utf8)
        let expected = Array("From: a@example.org\n\nText\n".utf8)
        var count = 0
        for entry in Mbox.entries(in: data) where entry.bytes == expected { count += 1 }
        #expect(count == 10_000)
    }
}
