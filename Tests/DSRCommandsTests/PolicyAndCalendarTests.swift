import DSRTestSupport
import Foundation
import Testing

@Suite("dsr policy check, dsr calendar, policy selection")
struct PolicyAndCalendarTests {
    let policies = DSRProcess.repository.appendingPathComponent("Fixtures/policies")

    @Test("policy check summarises a valid policy")
    func checkValid() throws {
        let result = try DSRProcess.run([
            "policy", "check", DSRProcess.repository.appendingPathComponent("Policies/kaiserslautern.xml").path,
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Stadt Kaiserslautern, Pressestelle"))
        #expect(
            result.stdout.contains("Mo 08:00–17:00; Di 08:00–17:00; Mi 08:00–17:00; Do 08:00–17:00; Fr 08:00–13:00"))
        #expect(result.stdout.contains("Schließtage: Heiligabend, Silvester"))
        #expect(result.stdout.split(separator: "\n").count <= 25)
    }

    @Test(
        "policy check refuses broken and hostile files with exit 65 and one line",
        arguments: [
            "broken/close-before-open.xml", "broken/unknown-land.xml", "broken/not-well-formed.xml",
            "malicious/billion-laughs.xml", "malicious/external-entity.xml",
        ])
    func checkInvalid(file: String) throws {
        let path = policies.appendingPathComponent(file).path
        let result = try DSRProcess.run(["policy", "check", path])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("dsr: \(path):"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
    }

    @Test("--policy and DSR_POLICY choose the policy; the default works from any directory")
    func policySelection() throws {
        let bavarian = policies.appendingPathComponent("good/bavarian-town.xml").path
        // Monday 2026-02-16 18:00 in Musterhausen (next-office-day): received Wed 18th.
        let args = ["deadline", "--received", "2026-02-16 18:00", "--json"]
        let byOption = try DSRProcess.run(args + ["--policy", bavarian])
        let byEnvironment = try DSRProcess.run(args, environment: ["DSR_POLICY": bavarian])
        let byDefault = try DSRProcess.run(args, directory: URL(fileURLWithPath: "/"))
        #expect(byOption.stdout.contains(#""receipt_date":"2026-02-18""#))
        #expect(byEnvironment.stdout == byOption.stdout)
        #expect(byDefault.stdout.contains(#""receipt_date":"2026-02-16""#))
    }

    @Test("calendar --json lists holidays and closures")
    func calendarJSON() throws {
        let result = try DSRProcess.run(["calendar", "--year", "2026", "--json"])
        #expect(result.status == 0)
        let entries = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: String]])
        #expect(entries.filter { $0["kind"] == "holiday" }.count == 11)
        #expect(entries.contains { $0 == ["date": "2026-06-04", "name": "Fronleichnam", "kind": "holiday"] })
        #expect(entries.contains { $0 == ["date": "2026-12-24", "name": "Heiligabend", "kind": "closure"] })
        #expect(entries.map { $0["date"]! } == entries.map { $0["date"]! }.sorted())
    }

    @Test("calendar for another Land")
    func calendarOtherLand() throws {
        let result = try DSRProcess.run(["calendar", "--year", "2026", "--land", "SN", "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Wed 2026-11-18  Repentance and Prayer Day"))
        #expect(!result.stdout.contains("Corpus Christi"))
    }
}
