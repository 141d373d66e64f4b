import DSRCore
import DSRMail
import Testing

@Suite("Fixture messages: headers, charsets, transfer encodings")
struct TextFixtureTests {
    @Test("a plain UTF-8 request: encoded-word names, a subject split mid-character, Received hops")
    func plainRequest() throws {
        let message = try MailFixtures.message("01-request-utf8.eml")
        #expect(message.from == MailAddress(name: "Jürgen Müller", address: "juergen.mueller@example.org"))
        #expect(message.subject == "Auskunftsersuchen nach Art. 15 DSGVO – Jürgen Müller")
        #expect(MailFixtures.utc(message.date) == "2026-12-01T08:11:57Z")
        #expect(message.messageID == "5f0c2a7e-3b1d-4c2e-9a61-20261201091157@example.org")
        #expect(
            message.recipients == [
                MailAddress(name: "Pressestelle Stadt Kaiserslautern", address: "pressestelle@kaiserslautern.de")
            ])
        #expect(message.received.map(\.by) == ["mail.kaiserslautern.de", "mx1.kaiserslautern.de", "mout.example.net"])
        #expect(message.received.map(\.from) == ["mx1.kaiserslautern.de", "mout.example.net", "[192.168.1.20]"])
        #expect(
            message.received.map { MailFixtures.utc($0.at) } == [
                "2026-12-01T08:12:05Z", "2026-12-01T08:12:03Z", "2026-12-01T08:11:58Z",
            ])
        #expect(message.text.hasPrefix("Sehr geehrte Damen und Herren,\n\nhiermit beantrage ich gemäß Art. 15 DSGVO"))
        #expect(message.text.hasSuffix("Jürgen Müller\nMusterstraße 12, 67655 Kaiserslautern"))
        #expect(!message.text.contains("\r"))
        #expect(message.flags.isEmpty)
        #expect(message.attachments.isEmpty && message.embedded.isEmpty)
        #expect(message.headers.map(\.name) == ["Message-ID", "Date", "From", "To", "Subject"])
        #expect(message.headers[2].value == "Jürgen Müller <juergen.mueller@example.org>")
    }

    @Test("ISO-8859-1 quoted-printable: soft breaks, trailing blanks, a bad escape kept")
    func latin1QuotedPrintable() throws {
        let message = try MailFixtures.message("02-latin1-qp.eml")
        #expect(message.from?.name == "Schäfer, Anna")
        #expect(message.subject == "Löschung meiner Daten")
        #expect(
            message.text
                == "Guten Tag,\n\nich bitte um Löschung aller über mich gespeicherten Daten nach Art. 17 DSGVO. "
                + "Die Straße heißt Äußere Straße.   \nEin kaputtes Escape: 100 =G1 bleibt.\n"
                + "Mit freundlichen Grüßen\nAnna Schäfer")
        #expect(message.flags.isEmpty)
    }

    @Test("ISO-8859-15: the euro sign and the other changed code points")
    func latin9() throws {
        let message = try MailFixtures.message("03-latin9-euro.eml")
        #expect(message.from?.name == "Šimon Novák")
        #expect(message.subject == "Gebühr von 10 €")
        #expect(message.text.contains("verlangen Sie 10 €."))
        #expect(message.text.hasSuffix("Šimon Novák, Œuvre œ, Ÿ ž Ž š"))
        #expect(message.flags.isEmpty)
    }

    @Test("Windows-1252 sent as ISO-8859-1 is read as Windows-1252 and flagged")
    func windows1252Mislabelled() throws {
        let message = try MailFixtures.message("04-cp1252-as-latin1.eml")
        #expect(message.text == "Betreff: „Auskunft“ – bitte bis Freitag.\nDie Kopie darf nichts kosten (0 €).")
        #expect(message.flags == [.charsetFallback])
    }

    @Test("Outlook's Latin-1 bytes under a utf-8 label, and a raw Latin-1 subject")
    func outlookFallback() throws {
        let message = try MailFixtures.message("05-outlook-utf8-latin1.eml")
        #expect(message.subject == "Auskunft für Jörg Weiß")
        #expect(
            message.text
                == "Bitte teilen Sie mir mit, welche Daten Sie über mich speichern.\n\nMit freundlichen Grüßen\nJörg Weiß"
        )
        #expect(message.from == MailAddress(name: "Weiss, Joerg", address: "joerg.weiss@example.de"))
        #expect(message.flags == [.charsetFallback])
    }

    @Test("missing Date, From and Message-ID are flagged")
    func missingHeaders() throws {
        let message = try MailFixtures.message("15-missing-headers.eml")
        #expect(message.flags == [.noDate, .noFrom, .noMessageID])
        #expect(message.date == nil && message.from == nil && message.messageID == nil)
        #expect(message.subject == "Anfrage ohne Absender")
        #expect(message.recipients.map(\.address) == ["pressestelle@kaiserslautern.de"])
        #expect(message.text.hasPrefix("Wer bin ich?"))
    }

    @Test("obsolete date forms in Date: and Received:")
    func obsoleteDates() throws {
        let message = try MailFixtures.message("16-obsolete-dates.eml")
        #expect(MailFixtures.utc(message.date) == "2026-12-01T14:12:00Z")
        #expect(message.received.map(\.by) == ["mx1.kaiserslautern.de", "relay.example.net"])
        #expect(message.received.map { MailFixtures.utc($0.at) } == ["2026-12-01T14:12:09Z", "2026-12-01T14:12:07Z"])
        #expect(message.flags.isEmpty)
        #expect(message.text == "Text.")
    }

    @Test("a message with headers and no body")
    func headersOnly() throws {
        let message = try MailFixtures.message("17-headers-only.eml")
        #expect(message.text.isEmpty)
        #expect(message.subject == "(kein Text)")
        #expect(message.flags.isEmpty)
    }
}
