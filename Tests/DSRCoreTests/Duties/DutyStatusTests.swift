import DSRCore
import Testing

@Suite("Recurring duties")
struct DutyStatusTests {
    static let duty = Duty(
        id: "post", name: "Post", channels: ["facebook", "homepage"], recurrence: LegalPeriod(months: 6),
        firstDue: Fixtures.date("2026-12-31"))

    func statuses(_ completions: [DutyCompletion], at: String) -> [DutyStatus] {
        DutyStatus.all([Self.duty], completions: completions, at: Fixtures.instant(at), zone: Fixtures.engine.zone)
    }

    @Test("Kaiserslautern's policy promises a half-yearly post on each social channel and a homepage notice")
    func kaiserslautern() {
        let duties = Fixtures.kaiserslautern.policy.duties
        #expect(duties.map(\.id) == ["datenschutz-post", "datenschutz-hinweis"])
        #expect(duties[0].channels == ["facebook", "twitter", "instagram", "youtube"])
        #expect(duties[1].channels == ["homepage"])
        #expect(duties.allSatisfy { $0.recurrence == LegalPeriod(months: 6) })
    }

    @Test("never done: due on the first due date, overdue the day after")
    func firstDue() {
        #expect(statuses([], at: "2026-12-31 23:59").map(\.isOverdue) == [false, false])
        let later = statuses([], at: "2027-01-01 00:00")
        #expect(later.map(\.isOverdue) == [true, true])
        #expect(later.map(\.nextDue) == [Fixtures.date("2026-12-31"), Fixtures.date("2026-12-31")])
    }

    @Test("done: next due six months after the local day it was last done, month end clamped, per channel")
    func afterDone() {
        let done = [
            DutyCompletion(duty: "post", channel: "facebook", at: Fixtures.instant("2027-08-31 23:30")),
            DutyCompletion(duty: "post", channel: "facebook", at: Fixtures.instant("2027-03-01 10:00")),
            DutyCompletion(duty: "other", channel: "homepage", at: Fixtures.instant("2027-03-01 10:00")),
        ]
        let now = statuses(done, at: "2027-09-01 12:00")
        #expect(now[0].nextDue == Fixtures.date("2028-02-29"))
        #expect(now[0].lastDone?.at == Fixtures.instant("2027-08-31 23:30"))
        #expect(now[1].lastDone == nil && now[1].isOverdue)
    }

    @Test("done early: never due before the first due date; a completion after the moment of evaluation does not count")
    func earlyAndFuture() {
        let early = [DutyCompletion(duty: "post", channel: "facebook", at: Fixtures.instant("2026-03-01 10:00"))]
        #expect(statuses(early, at: "2026-06-01 10:00")[0].nextDue == Fixtures.date("2026-12-31"))
        let future = [DutyCompletion(duty: "post", channel: "facebook", at: Fixtures.instant("2027-03-01 10:00"))]
        #expect(statuses(future, at: "2027-02-01 10:00")[0].isOverdue)
    }
}
