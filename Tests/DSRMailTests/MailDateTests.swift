import Testing

@testable import DSRMail

@Suite("Dates: RFC 5322 with its obsolete forms, and asctime")
struct MailDateTests {
    @Test(
        "dates that read",
        arguments: [
            ("Tue, 1 Dec 2026 09:12:03 +0100", "2026-12-01T08:12:03Z"),
            ("1 Dec 2026 09:12:03 +0100", "2026-12-01T08:12:03Z"),
            ("Tue, 1 Dec 2026 09:12 +0100", "2026-12-01T08:12:00Z"),
            ("Tue, 01 Dec 26 09:12:03 GMT", "2026-12-01T09:12:03Z"),
            ("Wed, 1 Dec 99 09:12:03 UT", "1999-12-01T09:12:03Z"),
            ("1 Dec 126 09:12:03 +0000", "2026-12-01T09:12:03Z"),
            ("Tue, 1 Dec 2026 09:12:03 EST", "2026-12-01T14:12:03Z"),
            ("Tue, 1 Dec 2026 09:12:03 EDT", "2026-12-01T13:12:03Z"),
            ("Tue, 1 Dec 2026 09:12:03 CST", "2026-12-01T15:12:03Z"),
            ("Tue, 1 Dec 2026 09:12:03 CDT", "2026-12-01T14:12:03Z"),
            ("Tue, 1 Dec 2026 09:12:03 MST", "2026-12-01T16:12:03Z"),
            ("Tue, 1 Dec 2026 09:12:03 MDT", "2026-12-01T15:12:03Z"),
            ("Tue, 1 Dec 2026 09:12:03 PST", "2026-12-01T17:12:03Z"),
            ("Tue, 1 Dec 2026 09:12:03 pdt", "2026-12-01T16:12:03Z"),
            ("Tue, 1 Dec 2026 09:12:03 A", "2026-12-01T09:12:03Z"),
            ("Tue, 1 Dec 2026 09:12:03 Z", "2026-12-01T09:12:03Z"),
            ("Tue, 1 Dec 2026 09:12:03 CET", "2026-12-01T09:12:03Z"),
            ("Tue, 1 Dec 2026 09:12:03 +0100 (CET)", "2026-12-01T08:12:03Z"),
            ("Tue (Dienstag), 1 Dec 2026 09 : 12 : 03 -0000", "2026-12-01T09:12:03Z"),
            ("Tue,  1 Dec 2026 09:12:03 -0130", "2026-12-01T10:42:03Z"),
            ("Tue, 1 December 2026 09:12:03 +0100", "2026-12-01T08:12:03Z"),
            ("1 Dec 2026 09:12:03", "2026-12-01T09:12:03Z"),
            ("Tue, 1 Dec 2026 23:59:60 +0000", "2026-12-02T00:00:00Z"),
            ("Tue Dec  1 09:12:03 2026", "2026-12-01T09:12:03Z"),
            ("29 Feb 2028 12:00:00 +0000", "2028-02-29T12:00:00Z"),
        ])
    func readable(text: String, expected: String) {
        #expect(MailFixtures.utc(MailDate.parse(Array(text.utf8))) == expected)
    }

    @Test(
        "what is no date",
        arguments: [
            "", "gestern", "31 Feb 2026 10:00 +0100", "1 Dec 2026 25:00 +0100", "1 Foo 2026 10:00 +0100",
            "1 Dec 2026 10:00 +01", "1 Dec 2026 10:00 +0199", "99999999999999999999 Dec 2026 10:00",
            "1 Dec 99999999999999999999 10:00", "123 Dec 2026 10:00", "1 Dec 2026 10:",
        ])
    func unreadable(text: String) {
        #expect(MailDate.parse(Array(text.utf8)) == nil)
    }

    @Test("asctime, as mbox From lines have it, with or without a zone after the year")
    func asctime() {
        #expect(
            MailFixtures.utc(MailDate.parseAsctime(Array("Tue Dec  1 09:12:03 2026".utf8))) == "2026-12-01T09:12:03Z")
        #expect(MailFixtures.utc(MailDate.parseAsctime(Array("Dec 1 09:12 2026 +0100".utf8))) == "2026-12-01T09:12:00Z")
        #expect(MailDate.parseAsctime(Array("Tue, 1 Dec 2026 09:12:03 +0100".utf8)) == nil)
    }
}
