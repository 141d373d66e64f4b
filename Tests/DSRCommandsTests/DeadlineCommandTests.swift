import DSRTestSupport
import Foundation
import Testing

@Suite("dsr deadline")
struct DeadlineCommandTests {
    @Test("German output names deadline, end, internal due and extension")
    func germanOutput() throws {
        let result = try DSRProcess.run(["deadline", "--received", "2026-01-31 10:00", "--at", "2026-02-02 09:00"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Frist             Mo 02.03.2026"))
        #expect(result.stdout.contains("verschoben (Art. 3 Abs. 4 VO 1182/71): Sa 28.02.2026, So 01.03.2026"))
        #expect(result.stdout.contains("Fristende         Mo 02.03.2026 23:59:59 (+01:00)"))
        #expect(result.stdout.contains("Intern fällig     Mo 02.03.2026 17:00 (+01:00)"))
        #expect(result.stdout.contains("Verlängerung bis  Do 30.04.2026"))
        #expect(result.stdout.contains("Stand             offen"))
        #expect(result.stderr.isEmpty)
    }

    @Test("English output with --lang en, holidays named")
    func englishOutput() throws {
        let result = try DSRProcess.run(["deadline", "--received", "2026-03-03 10:00", "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Deadline         Tue 2026-04-07"))
        #expect(result.stdout.contains("Fri 2026-04-03 Good Friday"))
        #expect(result.stdout.contains("Mon 2026-04-06 Easter Monday"))
        #expect(result.stdout.contains("Internal due     Tue 2026-04-07 17:00 (+02:00)"))
    }

    @Test("--json gives the batch keys plus kind, status and office hours")
    func json() throws {
        let result = try DSRProcess.run([
            "deadline", "--received", "2026-11-24T10:00:00+01:00", "--at", "2026-12-23T12:00:00+01:00", "--json",
            "--kind", "Löschung",
        ])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["deadline"] as? String == "2026-12-24")
        #expect(object["internal_due"] as? String == "2026-12-23T17:00:00+01:00")
        #expect(object["kind"] as? String == "erasure")
        #expect(object["status"] as? String == "at-risk")
        #expect(object["office_hours_left"] as? Double == 5.0)
    }

    @Test("civil claims need the claimant's date")
    func civilClaim() throws {
        let refused = try DSRProcess.run(["deadline", "--received", "2026-01-31 10:00", "--kind", "Unterlassung"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("--due"))
        let result = try DSRProcess.run([
            "deadline", "--received", "2026-01-31 10:00", "--kind", "Unterlassung", "--due", "14.02.2026", "--json",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""deadline":"2026-02-14""#))
        #expect(result.stdout.contains(#""extended_deadline":null"#))
    }

    @Test(
        "bad input: one line on stderr, documented exit codes, nothing on stdout",
        arguments: [
            (["deadline", "--received", "2026-02-30 10:00"], Int32(65), "day 30 does not exist"),
            (["deadline", "--received", "2026-01-31 24:61"], 65, "invalid time of day"),
            (["deadline", "--received", "2026-03-29 02:30"], 65, "does not exist in Europe/Berlin"),
            (["deadline", "--received", "2026-10-25 02:30"], 65, "occurs twice"),
            (["deadline", "--received", "'; DROP TABLE cases; --"], 65, "not a time"),
            (["deadline", "--received", "now", "--kind", "Beschwerde"], 65, "valid kinds: access (Auskunft)"),
            (["deadline", "--received", "1990-01-01"], 65, "outside the supported years"),
            (["deadline"], 64, "--received"),
            (["deadline", "--received", "now", "--policy", "/nonexistent.xml"], 74, "/nonexistent.xml: cannot read"),
            (["deadline", "--batch", "/nonexistent/input.txt"], 74, "/nonexistent/input.txt: cannot read"),
            (["calendar", "--year", "2026", "--land", "XX"], 64, "unknown Land"),
            (["calendar", "--year", "1900"], 64, "1995"),
        ])
    func badInput(arguments: [String], status: Int32, message: String) throws {
        let result = try DSRProcess.run(arguments)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        if status == 65 || status == 74 {
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
    }
}
