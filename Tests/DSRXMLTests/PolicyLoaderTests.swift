import DSRCore
import DSRXML
import Foundation
import Testing

/// The fixtures folder of the repository.
let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/policies")

/// libxml2 has global state: these suites run one test at a time.
@Suite("Policy loading", .serialized)
struct PolicyLoaderTests {
    @Test("the embedded default is Kaiserslautern's policy as the issue describes it")
    func embeddedDefault() throws {
        let policy = try PolicyLoader.loadDefault().policy
        #expect(policy.controller.name == "Stadt Kaiserslautern")
        #expect(policy.controller.unit == "Pressestelle")
        #expect(policy.controller.street == "Willy-Brandt-Platz 1")
        #expect(policy.controller.postalCode == "67657")
        #expect(policy.controller.email == "socialmedia@kaiserslautern.de")
        #expect(policy.timeZone == "Europe/Berlin")
        #expect(policy.land == .RP)
        #expect(
            policy.officeHours.sessions(on: .monday) == [
                OfficeSession(opens: TimeOfDay(hour: 8, minute: 0)!, closes: TimeOfDay(hour: 17, minute: 0)!)
            ])
        #expect(
            policy.officeHours.sessions(on: .friday) == [
                OfficeSession(opens: TimeOfDay(hour: 8, minute: 0)!, closes: TimeOfDay(hour: 13, minute: 0)!)
            ])
        #expect(policy.officeHours.sessions(on: .saturday).isEmpty)
        #expect(policy.officeHours.weeklyMinutes == (4 * 9 + 5) * 60)
        #expect(policy.closures.map(\.date) == [.fixed(month: 12, day: 24), .fixed(month: 12, day: 31)])
        #expect(policy.receiptRule == .calendarDay)
        #expect(policy.clockStop == .suspend)
        #expect(
            policy.deadlineRule(for: .access) == .period(LegalPeriod(months: 1), maxExtension: LegalPeriod(months: 2)))
        #expect(policy.deadlineRule(for: .injunction) == .claimantSet)
        #expect(policy.escalationOfficeHours == 16)
        #expect(
            Set(policy.channels.map(\.id)) == [
                "email", "post", "facebook", "twitter", "instagram", "youtube", "phone", "in-person",
            ])
        #expect(policy.channels.first { $0.id == "facebook" }?.account == "Stadt KL")
        #expect(policy.channels.first { $0.id == "youtube" }?.account == "StadtKL")
        #expect(policy.jointControllers.first?.forwardWithin == LegalPeriod(days: 7))
    }

    @Test("the repository's policy file is the one embedded")
    func embeddedMatchesRepository() throws {
        let path = fixtures.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Policies/kaiserslautern.xml").path
        let fromFile = try PolicyLoader.load(path: path)
        #expect(fromFile.policy == (try PolicyLoader.loadDefault().policy))
    }

    @Test("a policy of another Land with local holidays, breaks and other rules loads")
    func bavarianTown() throws {
        let loaded = try PolicyLoader.load(path: fixtures.appendingPathComponent("good/bavarian-town.xml").path)
        let policy = loaded.policy
        #expect(policy.land == .BY)
        #expect(policy.receiptRule == .nextOfficeDay)
        #expect(policy.clockStop == .restart)
        #expect(policy.officeHours.sessions(on: .monday).count == 2)
        #expect(policy.deadlineRule(for: .erasure) == .period(LegalPeriod(days: 14), maxExtension: LegalPeriod()))
        #expect(policy.deadlineRule(for: .objection) == .statutory(for: .objection))
        #expect(policy.deadlineRule(for: .removal) == .claimantSet)
        // Assumption Day 2026 (Sat 15 Aug) is local here; 2030-08-15 is a Thursday.
        let engine = try DeadlineEngine(policy: policy, holidayRules: loaded.holidayRules)
        #expect(engine.calendar.isHoliday(CivilDate(year: 2030, month: 8, day: 15)!.dayNumber))
        #expect(engine.calendar.isClosure(CivilDate(year: 2026, month: 2, day: 17)!.dayNumber))
    }

    struct Broken: CustomTestStringConvertible, Sendable {
        let file: String
        let line: Int
        let says: String
        var testDescription: String { file }
    }

    @Test(
        "broken policies are refused with file, line and what is wrong",
        arguments: [
            Broken(file: "close-before-open", line: 25, says: "closes (08:00) before it opens (13:00)"),
            Broken(file: "unknown-land", line: 19, says: "land"),
            Broken(file: "bad-duration", line: 35, says: "length"),
            Broken(file: "unknown-zone", line: 18, says: "unknown time zone"),
            Broken(file: "duplicate-kind", line: 36, says: "more than one deadline rule"),
            Broken(file: "unknown-joint-controller", line: 44, says: "joint controller 'tiktok'"),
            Broken(file: "missing-controller", line: 8, says: "Expected is ( controller )"),
            Broken(file: "not-well-formed", line: 26, says: "not well-formed"),
            Broken(
                file: "wrong-namespace", line: 7,
                says: "No matching global declaration available for the validation root"),
            Broken(file: "overlapping-sessions", line: 21, says: "overlap"),
            Broken(file: "impossible-closure", line: 29, says: "day 30 does not exist in month 2"),
            Broken(file: "duty-without-recurrence", line: 66, says: "a duty's 'every' must not be zero"),
        ])
    func broken(_ broken: Broken) throws {
        let path = fixtures.appendingPathComponent("broken/\(broken.file).xml").path
        let error = try #require(throws: DSRXMLError.self) { try PolicyLoader.load(path: path) }
        #expect(error.description.hasPrefix("\(path):\(broken.line): "), "\(error)")
        #expect(error.description.contains(broken.says), "\(error)")
        #expect(!error.description.contains("\n"))
    }

    @Test(
        "hostile policies are refused without expanding or fetching anything",
        arguments: [
            "billion-laughs", "external-entity", "external-dtd", "parameter-entity", "quadratic-blowup",
        ])
    func malicious(file: String) throws {
        let path = fixtures.appendingPathComponent("malicious/\(file).xml").path
        let error = try #require(throws: DSRXMLError.self) { try PolicyLoader.load(path: path) }
        #expect(error == .forbiddenDoctype(file: path, line: 2))
        #expect(!error.description.contains("root:"))  // nothing of /etc/passwd
    }

    @Test("XInclude is not processed: the include element is simply invalid")
    func xinclude() throws {
        let path = fixtures.appendingPathComponent("malicious/xinclude.xml").path
        let error = try #require(throws: DSRXMLError.self) { try PolicyLoader.load(path: path) }
        guard case .schemaViolation = error else {
            Issue.record("expected a schema violation, got \(error)")
            return
        }
        #expect(!error.description.contains("root:"))
    }

    @Test("a missing file is an I/O error that names the file")
    func missingFile() throws {
        let error = try #require(throws: DSRXMLError.self) { try PolicyLoader.load(path: "/nonexistent/policy.xml") }
        #expect(error.description == "/nonexistent/policy.xml: cannot read: No such file or directory")
    }

    @Test("an oversized file is refused before parsing")
    func oversized() throws {
        let text = "<policy>" + String(repeating: " ", count: SafeXMLReader.maximumSize) + "</policy>"
        #expect(throws: DSRXMLError.tooLarge(file: "big.xml", limit: SafeXMLReader.maximumSize)) {
            try PolicyLoader.load(text: text, file: "big.xml")
        }
    }

    @Test("the holiday data validates and covers every Land")
    func holidayData() throws {
        try PolicyLoader.embeddedFilesValidate()
        let rules = try PolicyLoader.embeddedHolidayRules()
        #expect(rules.count >= 20)
        for land in Land.allCases {
            #expect(
                rules.contains { $0.lands.contains(land) && $0.name == "Fronleichnam" }
                    == [.BW, .BY, .HE, .NW, .RP, .SL].contains(land))
        }
        #expect(rules.allSatisfy { !$0.source.isEmpty })
    }
}
