import DSRMail
import Foundation
import Testing

@Suite("Limits and what is not mail")
struct LimitTests {
    /// The refusal of parsing `bytes`, or nil if they were read.
    private func refusal(_ bytes: [UInt8], limits: MailLimits = .standard) -> String? {
        do {
            _ = try MailParser.parse(bytes, limits: limits)
            return nil
        } catch {
            return error.reason
        }
    }

    /// A message whose body is `depth` multiparts nested in each other around a text.
    private func nestedMultiparts(_ depth: Int) -> [UInt8] {
        var body = "Content-Type: text/plain\r\n\r\ninnen\r\n"
        for level in (0..<depth).reversed() {
            body =
                "Content-Type: multipart/mixed; boundary=\"b\(level)\"\r\n\r\n--b\(level)\r\n\(body)--b\(level)--\r\n"
        }
        return MailFixtures.bytes(of: "From: a@example.org\r\n" + body)
    }

    /// A message with `depth` forwards (message/rfc822) nested in each other.
    private func nestedForwards(_ depth: Int) -> [UInt8] {
        var message = "From: a@example.org\r\n\r\nOriginal\r\n"
        for _ in 0..<depth {
            message = "From: a@example.org\r\nContent-Type: message/rfc822\r\n\r\n" + message
        }
        return MailFixtures.bytes(of: message)
    }

    @Test("what is not mail is refused")
    func notMail() {
        #expect(refusal([]) == "the file is empty")
        let png: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        ]
        #expect(refusal(png) == "the file is not a mail message")
        #expect(
            refusal(MailFixtures.bytes(of: "Hallo Welt,\nich bin kein Mail.\n")) == "the file is not a mail message")
        #expect(refusal(MailFixtures.bytes(of: "{\"From\": \"a@example.org\"}")) == "the file is not a mail message")
        #expect(refusal(MailFixtures.bytes(of: "\r\nFrom: a@example.org\r\n")) == "the file is not a mail message")
        #expect(refusal(MailFixtures.bytes(of: " From: a@example.org\r\n")) == "the file is not a mail message")
        #expect(refusal(MailFixtures.bytes(of: "%PDF-1.4\n%âãÏÓ\n")) == "the file is not a mail message")
        #expect(refusal(MailFixtures.bytes(of: "From: a@example.org")) == nil)
    }

    @Test("a message larger than the limit is refused before it is read")
    func tooLarge() {
        let big = [UInt8](repeating: 0x41, count: 25 * 1024 * 1024 + 1)
        #expect(refusal(big) == "the message is larger than 25 MiB")
        let small = MailLimits(maxBytes: 1024, maxDepth: 20, maxParts: 500, maxHeaderLine: 1000)
        #expect(refusal(MailFixtures.bytes("08-mixed-pdf.eml"), limits: small) == "the message is larger than 1 KiB")
    }

    @Test("nesting deeper than the limit is refused, in multiparts and in forwards")
    func tooDeep() {
        #expect(refusal(nestedMultiparts(20)) == nil)
        #expect(refusal(nestedMultiparts(21)) == "MIME parts nest deeper than 20 levels")
        #expect(refusal(nestedMultiparts(200)) == "MIME parts nest deeper than 20 levels")
        #expect(refusal(nestedForwards(20)) == nil)
        #expect(refusal(nestedForwards(21)) == "MIME parts nest deeper than 20 levels")
    }

    @Test("more parts than the limit are refused")
    func tooManyParts() {
        let parts = (0..<600).map { "--b\r\nContent-Type: text/plain\r\n\r\nTeil \($0)\r\n" }.joined()
        let message = "From: a@example.org\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\(parts)--b--\r\n"
        #expect(refusal(MailFixtures.bytes(of: message)) == "the message has more than 500 MIME parts")
        let few = (0..<499).map { "--b\r\n\r\nTeil \($0)\r\n" }.joined()
        let fine = "From: a@example.org\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\(few)--b--\r\n"
        #expect(refusal(MailFixtures.bytes(of: fine)) == nil)
    }

    @Test("a header line longer than the limit is refused, folded or not")
    func headerLineTooLong() {
        let long = "From: a@example.org\r\nSubject: " + String(repeating: "a", count: 70_000) + "\r\n\r\nText"
        #expect(refusal(MailFixtures.bytes(of: long)) == "a header line is longer than 64 KiB")
        let folded =
            "From: a@example.org\r\nReferences:" + String(repeating: "\r\n <x@example.org>", count: 5000) + "\r\n\r\n"
        #expect(refusal(MailFixtures.bytes(of: folded)) == "a header line is longer than 64 KiB")
        let part =
            "From: a@example.org\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nX-Long: "
            + String(repeating: "b", count: 70_000) + "\r\n\r\nText\r\n--b--\r\n"
        #expect(refusal(MailFixtures.bytes(of: part)) == "a header line is longer than 64 KiB")
    }

    @Test("a flood of header fields is refused: 10,000 pass, one more does not")
    func headerFieldFlood() {
        let fields = { (count: Int) in
            "From: a@example.org\r\n" + String(repeating: "X: y\r\n", count: count - 1) + "\r\nText"
        }
        #expect(refusal(MailFixtures.bytes(of: fields(10_000))) == nil)
        #expect(refusal(MailFixtures.bytes(of: fields(10_001))) == "a header has more than 10000 fields")
    }

    @Test("a typical message with a 1 MiB attachment parses")
    func typicalMessage() throws {
        let content = [UInt8]((0..<(1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let encoded = content.withUnsafeBufferPointer { Data($0) }.base64EncodedString(options: .lineLength76Characters)
        let text = MailFixtures.bytes("08-mixed-pdf.eml")
        let message =
            "From: a@example.org\r\nDate: Tue, 1 Dec 2026 09:12:03 +0100\r\nMessage-ID: <big@example.org>\r\n"
            + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nAnbei.\r\n"
            + "--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + encoded + "\r\n--b\r\nContent-Type: message/rfc822\r\n\r\n" + String(decoding: text, as: UTF8.self)
            + "\r\n--b--\r\n"
        let parsed = try MailParser.parse(MailFixtures.bytes(of: message))
        #expect(parsed.text == "Anbei.")
        #expect(parsed.attachments.map(\.size) == [1024 * 1024])
        #expect(parsed.embedded.first?.attachments.count == 3)
        #expect(parsed.flags.isEmpty)
    }

    @Test("broken structure is read as well as it can be and flagged")
    func malformed() throws {
        let unclosed = try MailParser.parse(
            MailFixtures.bytes(of: "From: a@example.org\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\nText\n"))
        #expect(unclosed.text == "Text")
        #expect(unclosed.flags.contains(.malformed))
        let noBoundary = try MailParser.parse(
            MailFixtures.bytes(of: "From: a@example.org\nContent-Type: multipart/mixed\n\nNur Text\n"))
        #expect(noBoundary.text == "Nur Text")
        #expect(noBoundary.flags.contains(.malformed))
        let truncated = try MailParser.parse(
            MailFixtures.bytes(
                of:
                    "From: a@example.org\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLj"
            ))
        #expect(truncated.attachments.map(\.size) == [7])
        #expect(truncated.flags.contains(.malformed))
        let notAMessage = try MailParser.parse(
            MailFixtures.bytes(of: "From: a@example.org\nContent-Type: message/rfc822\n\n\u{1}binary"))
        #expect(notAMessage.embedded.isEmpty)
        #expect(notAMessage.attachments.map(\.contentType) == ["message/rfc822"])
        #expect(notAMessage.flags.contains(.malformed))
    }

    @Test("a message beginning with an mbox From line is read without it")
    func leadingFromLine() throws {
        let message = try MailParser.parse(
            MailFixtures.bytes(of: "From a@example.org Tue Dec  1 09:12:03 2026\nFrom: a@example.org\n\nText\n"))
        #expect(message.from?.address == "a@example.org")
        #expect(message.text == "Text")
    }
}
