import DSRMail
import Testing

@Suite("Fixture messages: MIME structure")
struct MimeFixtureTests {
    @Test("multipart/alternative: the plain text is the body; address list forms")
    func alternative() throws {
        let message = try MailFixtures.message("06-alternative.eml")
        #expect(
            message.text
                == "Guten Tag,\n\nich widerspreche der Verarbeitung meiner Daten (Art. 21 DSGVO).\n\nHans Müller")
        #expect(message.flags.isEmpty)
        #expect(message.attachments.isEmpty)
        #expect(message.from == MailAddress(name: "Müller, Hans", address: "hans.mueller@example.org"))
        #expect(
            message.recipients == [
                MailAddress(name: "Pressestelle", address: "pressestelle@kaiserslautern.de"),
                MailAddress(name: "Bürgerbüro", address: "buergerbuero@kaiserslautern.de"),
            ])
        #expect(message.replyTo == nil, "Reply-To names the sender's own address")
        #expect(message.headers.first { $0.name == "Cc" }?.value == "undisclosed-recipients:;")
    }

    @Test("HTML only: script, style, head and comments dropped, entities decoded, flagged")
    func htmlOnly() throws {
        let message = try MailFixtures.message("07-html-only.eml")
        #expect(
            message.text
                == """
                Berichtigung

                Sehr geehrte Damen und Herren,

                bitte berichtigen Sie meine Anschrift: Größer Weg 5, 67657 Käiserslautern.
                Bisher steht dort "Großer Weg" & eine falsche Hausnummer <3>.

                Änderung: Hausnummer
                Überprüfung: älter als 3 Monate, üblich

                Name: Öztürk, Deniz

                Danke & Gruß, it's me
                """)
        #expect(message.flags == [.htmlOnly])
        #expect(message.from?.name == "Deniz Öztürk")
    }

    @Test("multipart/mixed: a PDF with an RFC 2231 name, an inline image, continuations, a footer")
    func mixedWithAttachments() throws {
        let message = try MailFixtures.message("08-mixed-pdf.eml")
        #expect(message.subject == "Nachweis meiner Identität")
        #expect(message.text == "Anbei die Kopie meines Ausweises, wie von Ihnen erbeten.\n\n--\nSent from my phone")
        #expect(
            message.attachments == [
                MailAttachment(
                    filename: "Personalausweis Jürgen Müller.pdf", contentType: "application/pdf", size: 329,
                    sha256: "f6583193e5c8bf4c034ada75ef3b568498b49add3e79a9e2c15ee50828e433e6"),
                MailAttachment(
                    filename: "Überweisung.jpg", contentType: "image/jpeg", size: 278,
                    sha256: "8a2f89ea04bf088f8d860141126373d251b6031d424d14b14aa34960281eb184"),
                MailAttachment(
                    filename: "Kontoauszüge_2026.txt", contentType: "text/plain", size: 50,
                    sha256: "c9dbdcfeb6d9e00fb779f0528a44c15ef2a6a6e61ee06781c76657ab6e77ec02"),
            ])
        #expect(message.flags.isEmpty)
    }

    @Test("a forward inside a forward: each embedded message has its own headers, text and dates")
    func nestedForward() throws {
        let message = try MailFixtures.message("09-nested-forward.eml")
        #expect(message.from?.name == "Bürgerbüro")
        #expect(message.text == "Zur Bearbeitung weitergeleitet.")
        #expect(message.attachments.isEmpty)
        try #require(message.embedded.count == 1)
        let reminder = message.embedded[0]
        #expect(reminder.subject == "Fwd: Auskunftsersuchen nach Art. 15 DSGVO")
        #expect(reminder.text == "Anbei meine ursprüngliche Anfrage vom Oktober, die unbeantwortet blieb.")
        #expect(reminder.received.map(\.by) == ["mx1.kaiserslautern.de"])
        #expect(MailFixtures.utc(reminder.received.first?.at) == "2026-11-30T17:45:12Z")
        #expect(MailFixtures.utc(reminder.date) == "2026-11-30T17:45:03Z")
        #expect(reminder.attachments.isEmpty)
        try #require(reminder.embedded.count == 1)
        let original = reminder.embedded[0]
        #expect(original.messageID == "original-october@example.org")
        #expect(original.text == "Ich bitte um Auskunft nach Art. 15 DSGVO.\nJürgen Müller")
        #expect(MailFixtures.utc(original.date) == "2026-10-16T05:59:50Z")
        #expect(original.received.map(\.by) == ["mx2.kaiserslautern.de"])
        #expect(original.embedded.isEmpty)
        #expect(message.flags.isEmpty && reminder.flags.isEmpty && original.flags.isEmpty)
    }

    @Test("alternative with a related HTML rendition: plain text, the inline image listed")
    func alternativeWithRelated() throws {
        let message = try MailFixtures.message("18-alternative-related.eml")
        #expect(message.text == "Bitte entfernen Sie das Foto von mir (Art. 17 DSGVO).")
        #expect(
            message.attachments == [
                MailAttachment(
                    filename: "foto.png", contentType: "image/png", size: 72,
                    sha256: "8650fa3ad33b680c77fdf3067057857d38ade7f3ce31806131530d3a4d027052")
            ])
        #expect(message.flags.isEmpty)
    }

    @Test("S/MIME signed: the content is read, the signature not listed")
    func smimeSigned() throws {
        let message = try MailFixtures.message("10-smime-signed.eml")
        #expect(message.flags == [.signed])
        #expect(message.text == "Ich bitte um Auskunft über meine Daten.\nEva Klein")
        #expect(message.attachments.isEmpty)
    }

    @Test(
        "S/MIME and PGP encrypted: flagged, no text, nothing listed",
        arguments: [
            "11-smime-encrypted.eml", "12-pgp-encrypted.eml",
        ])
    func encrypted(name: String) throws {
        let message = try MailFixtures.message(name)
        #expect(message.flags == [.encrypted])
        #expect(message.text.isEmpty)
        #expect(message.attachments.isEmpty)
    }

    @Test("opaque S/MIME signed data: flagged signed, its content left unread")
    func opaqueSigned() throws {
        let message = try MailFixtures.message("13-smime-opaque-signed.eml")
        #expect(message.flags == [.signed])
        #expect(message.text.isEmpty)
        #expect(message.attachments.isEmpty)
    }

    @Test("TNEF winmail.dat: flagged and listed")
    func tnef() throws {
        let message = try MailFixtures.message("14-tnef.eml")
        #expect(message.flags == [.tnef])
        #expect(message.text == "Please see the attached request.")
        #expect(
            message.attachments == [
                MailAttachment(
                    filename: "winmail.dat", contentType: "application/ms-tnef", size: 141,
                    sha256: "66d6d8217436b0d74c22a1aed3407167bdaf9cc62dc5fb6ee5a30ce376c8ba0a")
            ])
    }
}
