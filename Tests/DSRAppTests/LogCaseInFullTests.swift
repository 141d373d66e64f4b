import DSRApp
import DSRCore
import Foundation
import Testing

@Suite("Logging a case in full")
struct LogCaseInFullTests {
    @Test("the case logCaseInFull returns is the one caseDetail reads back")
    func sameAsReadBack() throws {
        let fixture = try AppFixture()
        defer { fixture.remove() }
        let clerk = try fixture.session(AppFixture.clerk)
        let logged = try clerk.logCaseInFull(
            CaseInput(
                kinds: [.access, .erasure, .access], channel: .post, received: try fixture.instant("2026-11-16 10:00"),
                personal: [.subject: "  Erika Fiktiv ", .contact: "Musterweg 1", .note: "Brief vom 14.11."]))
        let read = try clerk.caseDetail(logged.state.id)
        #expect(logged.state.kinds == [.access, .erasure])
        #expect(logged.state == read.state)
        #expect(logged.schedule == read.schedule)
        #expect(logged.events == read.events)
        #expect(logged.personal == read.personal)
        #expect(logged.personal.current(.subject) == .text("Erika Fiktiv"))
    }
}
