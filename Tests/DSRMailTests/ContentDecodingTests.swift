import Testing

@testable import DSRMail

@Suite("Transfer encodings, charsets, HTML to text")
struct ContentDecodingTests {
    /// Quoted-printable decoded to a string (UTF-8).
    private func quotedPrintable(_ text: String) -> String {
        var output: [UInt8] = []
        QuotedPrintableDecoder.decode(Array(text.utf8)[...], into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Base64 decoded to a string (UTF-8), and whether it was complete.
    private func base64(_ text: String) -> (String, Bool) {
        var output: [UInt8] = []
        let complete = Base64Decoder.decode(Array(text.utf8), into: &output)
        return (String(decoding: output, as: UTF8.self), complete)
    }

    @Test("quoted-printable: escapes in either case, soft breaks, trailing blanks, bad escapes")
    func quotedPrintableForms() {
        #expect(quotedPrintable("Gr=C3=BC=c3=9Fe") == "Grüße")
        #expect(quotedPrintable("ab=\r\ncd=\nef= \t\r\ngh") == "abcdefgh")
        #expect(quotedPrintable("line  \r\nnext\t\nlast  ") == "line\r\nnext\nlast")
        #expect(quotedPrintable("a  b") == "a  b")
        #expect(quotedPrintable("=G1 =4 =") == "=G1 =4 ")
        #expect(quotedPrintable("=") == "")
    }

    @Test("base64: whitespace and garbage skipped, padding mid-stream, truncation reported")
    func base64Forms() {
        #expect(base64("R3LDvMOfZQ==") == ("Grüße", true))
        #expect(base64("R3LD\r\nvMOf ZQ==") == ("Grüße", true))
        #expect(base64("R3L!D*vMO#fZQ==") == ("Grüße", true))
        #expect(base64("YQ==Yg==") == ("ab", true))
        #expect(base64("YWJj").0 == "abc")
        #expect(base64("YWJjZA") == ("abcd", false))
        #expect(base64("YWJjZ") == ("abc", false))
        #expect(base64("") == ("", true))
    }

    @Test("charset labels")
    func labels() {
        #expect(Charset(label: "UTF-8") == .utf8)
        #expect(Charset(label: "utf8") == .utf8)
        #expect(Charset(label: "us-ascii") == .usASCII)
        #expect(Charset(label: "ISO_8859-1:1987") == .latin1)
        #expect(Charset(label: "latin1") == .latin1)
        #expect(Charset(label: "iso-8859-15") == .latin9)
        #expect(Charset(label: "CP1252") == .windows1252)
        #expect(Charset(label: "koi8-r") == nil)
    }

    @Test("ISO-8859-15 differs from Latin-1 in eight code points")
    func latin9Table() {
        let decoded = TextDecoder.decode([0xA4, 0xA6, 0xA8, 0xB4, 0xB8, 0xBC, 0xBD, 0xBE, 0xE4], label: "iso-8859-15")
        #expect(decoded == DecodedText(text: "€ŠšŽžŒœŸä", fellBack: false))
        #expect(TextDecoder.decode([0xA4, 0xE4], label: "iso-8859-1") == DecodedText(text: "¤ä", fellBack: false))
    }

    @Test("Windows-1252 and the fallbacks to it")
    func fallbacks() {
        let quotes: [UInt8] = [0x84, 0x41, 0x93, 0x20, 0x80, 0x20, 0x96, 0x81]
        #expect(
            TextDecoder.decode(quotes, label: "windows-1252") == DecodedText(text: "„A“ € –\u{81}", fellBack: false))
        #expect(TextDecoder.decode(quotes, label: "iso-8859-1").fellBack)
        #expect(TextDecoder.decode([0xFC], label: "utf-8") == DecodedText(text: "ü", fellBack: true))
        #expect(TextDecoder.decode([0xFC], label: "us-ascii") == DecodedText(text: "ü", fellBack: true))
        #expect(TextDecoder.decode([0xFC], label: "x-mac-roman") == DecodedText(text: "ü", fellBack: true))
        #expect(
            TextDecoder.decode(Array("plain".utf8), label: "x-mac-roman") == DecodedText(text: "plain", fellBack: false)
        )
        #expect(TextDecoder.decode(Array("Grüße".utf8), label: nil) == DecodedText(text: "Grüße", fellBack: false))
        #expect(TextDecoder.decode([0xFC], label: nil) == DecodedText(text: "ü", fellBack: true))
    }

    @Test("HTML to text")
    func html() {
        #expect(HTMLText.reduce("<p>a</p><p>b</p>") == "a\n\nb")
        #expect(HTMLText.reduce("a<br>b<BR/>c<br><br><br><br>d") == "a\nb\nc\n\nd")
        #expect(HTMLText.reduce("<div>a</div><div>b</div>") == "a\nb")
        #expect(
            HTMLText.reduce("x <  y & z &unknown; &#999999999; &#x110000;")
                == "x < y & z &unknown; &#999999999; \u{FFFD}")
        #expect(HTMLText.reduce("<SCRIPT>alert(1)</SCRIPT>ok<style>p{}</style>") == "ok")
        #expect(HTMLText.reduce("<head><title>t</title><body>text") == "text")
        #expect(HTMLText.reduce("a<!-- unterminated") == "a")
        #expect(HTMLText.reduce("a<b") == "a")
        #expect(HTMLText.reduce("  many \n\n spaces\t ") == "many spaces")
        #expect(HTMLText.reduce("&auml;&ouml;&uuml;&Auml;&Ouml;&Uuml;&szlig;&euro;&#228;&#xE4;") == "äöüÄÖÜß€ää")
    }

    @Test("text layout: line ends to LF, trailing whitespace of the whole removed")
    func layout() {
        #expect(PlainText.normalised("a\r\nb\rc\n  \r\n\t") == "a\nb\nc")
        #expect(PlainText.collapsingWhitespace("  a \r\n\t b  ") == "a b")
    }
}
