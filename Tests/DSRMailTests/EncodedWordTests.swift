import Testing

@testable import DSRMail

@Suite("RFC 2047 encoded words and raw 8-bit headers")
struct EncodedWordTests {
    /// The decoded text of a header value, and the flags decoding raised.
    private func decode(_ text: String) -> (String, Set<MailFlag>) {
        decode(bytes: MailFixtures.bytes(of: text))
    }

    /// The decoded text of header bytes, and the flags decoding raised.
    private func decode(bytes: [UInt8]) -> (String, Set<MailFlag>) {
        var flags = Set<MailFlag>()
        let text = EncodedWords.decode(bytes[...], flags: &flags)
        return (text, flags)
    }

    @Test(
        "B and Q words in any case",
        arguments: [
            ("=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?=", "Jürgen Müller"),
            ("=?utf-8?q?J=c3=bcrgen?=", "Jürgen"),
            ("=?UTF-8?b?SsO8cmdlbg==?=", "Jürgen"),
            ("=?iso-8859-1?Q?Gr=FC=DFe?=", "Grüße"),
            ("=?utf-8*de?q?Gr=C3=BC=C3=9Fe?=", "Grüße"),
        ])
    func words(encoded: String, expected: String) {
        #expect(decode(encoded) == (expected, []))
    }

    @Test("a character split across two B words decodes, the folding between dropped")
    func splitCharacter() {
        #expect(decode("=?UTF-8?B?SsM=?=\r\n =?UTF-8?B?vHJnZW4=?=") == ("Jürgen", []))
    }

    @Test("whitespace next to plain text is kept; words of different charsets decode apart")
    func whitespace() {
        #expect(decode("Hallo =?utf-8?q?W=C3=B6rld?= !").0 == "Hallo Wörld !")
        #expect(decode("=?iso-8859-1?q?=E4?= =?utf-8?q?=C3=B6?=").0 == "äö")
        #expect(decode("=?utf-8?q?a?= b =?utf-8?q?c?=").0 == "a b c")
    }

    @Test("what is no encoded word stays as written")
    func notWords() {
        #expect(decode("=?utf-8?x?abc?=").0 == "=?utf-8?x?abc?=")
        #expect(decode("=?utf-8?q?unterminated").0 == "=?utf-8?q?unterminated")
        #expect(decode("a =? b ?= c").0 == "a =? b ?= c")
        #expect(decode("=?").0 == "=?")
    }

    @Test("an unknown charset falls back to Windows-1252 and says so")
    func unknownCharset() {
        #expect(decode("=?x-unknown?q?=E4?=") == ("ä", [.charsetFallback]))
    }

    @Test("raw 8-bit bytes: UTF-8 when valid, else Windows-1252 and flagged")
    func rawBytes() {
        #expect(decode(bytes: Array("Grüße".utf8)) == ("Grüße", []))
        #expect(decode(bytes: [0x47, 0x72, 0xFC, 0xDF, 0x65]) == ("Grüße", [.charsetFallback]))
    }
}
