import Testing

@testable import DSRMail

@Suite("Address lists, parameters, Received hops")
struct HeaderFieldTests {
    /// The addresses of a header value.
    private func addresses(_ text: String) -> [MailAddress] {
        var flags = Set<MailFlag>()
        return AddressList.parse(MailFixtures.bytes(of: text), flags: &flags)
    }

    /// The parameters of a header value.
    private func parameters(_ text: String) -> HeaderParameters {
        var flags = Set<MailFlag>()
        return HeaderParameters(MailFixtures.bytes(of: text), flags: &flags)
    }

    @Test("the address forms mail programs write")
    func addressForms() {
        #expect(
            addresses("\"Müller, Hans\" <hans@example.org>") == [
                MailAddress(name: "Müller, Hans", address: "hans@example.org")
            ])
        #expect(addresses("hans@example.org (Hans)") == [MailAddress(name: "Hans", address: "hans@example.org")])
        #expect(addresses("<hans@example.org>") == [MailAddress(name: nil, address: "hans@example.org")])
        #expect(
            addresses("=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <j@example.org>")
                == [MailAddress(name: "Jürgen Müller", address: "j@example.org")])
        #expect(
            addresses("Hans Müller hans@example.org") == [MailAddress(name: "Hans Müller", address: "hans@example.org")]
        )
        #expect(addresses("<@relay.example.net:j@example.org>").map(\.address) == ["j@example.org"])
        #expect(addresses("hans.mueller @ example.org").map(\.address) == ["hans.mueller@example.org"])
        #expect(addresses("\"Wei\\\"ss\" <jo@example.org>").first?.name == "Wei\"ss")
    }

    @Test("groups and lists")
    func groups() {
        #expect(addresses("undisclosed-recipients:;").isEmpty)
        #expect(
            addresses("Team: a@example.org, \"B\" <b@example.org>;, c@example.org").map(\.address) == [
                "a@example.org", "b@example.org", "c@example.org",
            ])
        #expect(addresses("Hans").isEmpty)
        #expect(addresses("").isEmpty)
        #expect(addresses(",,;:<>()\"").isEmpty)
    }

    @Test("RFC 2231 parameters, continuations, quoted strings, encoded words")
    func parameterForms() {
        #expect(parameters("attachment; filename*=utf-8''%C3%A4.pdf").parameters["filename"] == "ä.pdf")
        #expect(parameters("attachment; filename*=iso-8859-1'de'%E4.pdf").parameters["filename"] == "ä.pdf")
        #expect(
            parameters("attachment; filename*0*=utf-8''Kontoausz%C3%BCge; filename*1=\"_2026.pdf\"")
                .parameters["filename"] == "Kontoauszüge_2026.pdf")
        #expect(
            parameters("attachment; filename*1=\"Antrag.pdf\"; filename*0=\"Mein \"").parameters["filename"]
                == "Mein Antrag.pdf")
        #expect(parameters("attachment; filename=\"=?utf-8?B?w6QucGRm?=\"").parameters["filename"] == "ä.pdf")
        #expect(
            parameters("attachment; filename=\"fallback.pdf\"; filename*=utf-8''%C3%A4.pdf").parameters["filename"]
                == "ä.pdf")
        #expect(parameters("application/pdf; name=Mein Antrag.pdf").parameters["name"] == "Mein Antrag.pdf")
        let type = parameters("Multipart/Mixed (a comment); BOUNDARY=\"a;b\"; charset=utf-8")
        #expect(type.value == "multipart/mixed")
        #expect(type.parameters == ["boundary": "a;b", "charset": "utf-8"])
        #expect(parameters("").value.isEmpty)
        #expect(parameters("text/plain; =x; ;;").parameters.isEmpty)
    }

    @Test("a Received hop: hosts outside comments, the date after the last semicolon")
    func receivedHop() {
        let hop = ReceivedHop(
            parsing: MailFixtures.bytes(
                of: "from a.example.net (by fake.example; x) by MX1.Kaiserslautern.DE. with ESMTP; "
                    + "Tue, 1 Dec 2026 09:12:03 +0100"))
        #expect(hop == ReceivedHop(by: "mx1.kaiserslautern.de", from: "a.example.net", at: hop.at))
        #expect(MailFixtures.utc(hop.at) == "2026-12-01T08:12:03Z")
        #expect(ReceivedHop(parsing: MailFixtures.bytes(of: "by")) == ReceivedHop(by: nil, from: nil, at: nil))
    }
}
