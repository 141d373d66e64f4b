import DSRCore
import Testing

@Suite("Reading typed moments")
struct TimeInputTests {
    let input = TimeInput(zone: Fixtures.engine.zone)
    let now = Instant(secondsSinceEpoch: 1_800_000_000)

    @Test(
        "accepted forms",
        arguments: [
            ("2026-01-31T10:00:00+01:00", "2026-01-31T09:00:00Z"),
            ("2026-01-31T09:00:00Z", "2026-01-31T09:00:00Z"),
            ("2026-01-31T09:00Z", "2026-01-31T09:00:00Z"),
            ("2026-01-31T09:00:00.987Z", "2026-01-31T09:00:00Z"),
            ("2026-01-31T10:00:00+0100", "2026-01-31T09:00:00Z"),
            ("2026-01-31 10:00", "2026-01-31T09:00:00Z"),
            ("2026-07-31 10:00:30", "2026-07-31T08:00:30Z"),
            ("2026-01-31", "2026-01-30T23:00:00Z"),
            ("  2026-01-31 10:00\r", "2026-01-31T09:00:00Z"),
            ("2026-03-29 03:00", "2026-03-29T01:00:00Z"),
            ("2026-10-25T02:30:00+01:00", "2026-10-25T01:30:00Z"),
            ("31.01.2026 10:15", "2026-01-31T09:15:00Z"),
            ("1.2.2026", "2026-01-31T23:00:00Z"),
        ])
    func accepted(text: String, utc: String) throws {
        #expect(ISOFormat.utc(try input.instant(from: text, now: now)) == utc)
    }

    @Test("now is the instant passed in")
    func nowIsPassedIn() throws {
        #expect(try input.instant(from: "now", now: now) == now)
        #expect(try input.instant(from: "NOW", now: now) == now)
    }

    @Test(
        "refused forms give a reason",
        arguments: [
            "", "yesterday", "31.01.26", "31.02.2026", "2026-02-30 10:00", "2026-13-01", "2026-01-31 24:00",
            "2026-01-31 23:61", "2026-01-31 10:00:60", "2026-01-31T10:00:00+15:00", "2026-01-31T10:00:00 CET",
            "2026-01-31T10", "'; DROP TABLE cases; --", "2026-01-31\u{0}10:00", "２０２６-01-31",
        ])
    func refused(text: String) {
        #expect(throws: DSRCoreError.self) { try input.instant(from: text, now: now) }
    }

    @Test("a local time in the spring-forward gap does not exist")
    func springForwardGap() {
        #expect(throws: DSRCoreError.nonexistentLocalTime("2026-03-29 02:30", zone: "Europe/Berlin")) {
            try input.instant(from: "2026-03-29 02:30", now: now)
        }
    }

    @Test("a local time that occurs twice needs an offset")
    func fallBackOverlap() {
        #expect(throws: DSRCoreError.ambiguousLocalTime("2026-10-25 02:30", zone: "Europe/Berlin")) {
            try input.instant(from: "2026-10-25 02:30", now: now)
        }
    }
}
