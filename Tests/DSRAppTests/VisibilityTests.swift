import DSRApp
import DSRCore
import Foundation
import Testing

@Suite("A clerk works on unassigned cases and their own")
struct VisibilityTests {
    @Test("lists, details and steps of a case assigned to someone else are refused to a clerk")
    func clerkSeesOwnCases() throws {
        let fixture = try AppFixture()
        defer { fixture.remove() }
        let mine = try fixture.log("2026-11-16 10:00").state.id
        let theirs = try fixture.log("2026-11-17 10:00").state.id
        let open = try fixture.log("2026-11-18 10:00").state.id
        let supervisor = try fixture.session(AppFixture.supervisor)
        try supervisor.record(.assign(to: AppFixture.clerk), on: mine)
        try supervisor.record(.assign(to: AppFixture.otherClerk), on: theirs)

        let clerk = try fixture.session(AppFixture.clerk)
        #expect(try clerk.listCases(CaseQuery()).map(\.summary.caseID) == [mine, open])
        #expect(try clerk.overdueCases(at: fixture.now).map(\.summary.caseID).sorted() == [mine, open])
        #expect(try clerk.findCases(subjectContaining: "Erika").map(\.summary.caseID) == [mine, open])
        #expect(try supervisor.listCases(CaseQuery()).count == 3)
        let events = try fixture.eventCount()
        for attempt in [
            { _ = try clerk.caseDetail(theirs) },
            { _ = try clerk.record(.acknowledge, on: theirs) },
            { _ = try clerk.rectify(theirs, values: [.subject: "Neu"]) },
        ] as [() throws -> Void] {
            let error = #expect(throws: AppError.self) { try attempt() }
            #expect(error?.kind == .notPermitted && error?.hidesCase == true)
            #expect(error?.message == "case \(theirs) is assigned to someone else; a supervisor can reassign it")
        }
        #expect(try fixture.eventCount() == events)
        #expect(try clerk.record(.acknowledge, on: mine).state.acknowledgedAt != nil)
    }

    @Test("the check runs inside the write: a session opened before the case was reassigned is refused")
    func checkedInsideTheWrite() throws {
        let fixture = try AppFixture()
        defer { fixture.remove() }
        let id = try fixture.log().state.id
        let clerk = try fixture.session(AppFixture.clerk)
        #expect(try clerk.caseDetail(id).state.assignee == nil)
        try fixture.session(AppFixture.supervisor).record(.assign(to: AppFixture.otherClerk), on: id)
        let error = #expect(throws: AppError.self) { try clerk.record(.note("zu spät"), on: id) }
        #expect(error?.kind == .notPermitted)
    }

    @Test("an unknown case is 'not found'; a step that makes no sense is a conflict, in words about the matter")
    func errorsSpeakOfTheMatter() throws {
        let fixture = try AppFixture()
        defer { fixture.remove() }
        let id = try fixture.log().state.id
        let clerk = try fixture.session(AppFixture.clerk)
        #expect((#expect(throws: AppError.self) { try clerk.caseDetail(CaseID("2026-00999")!) })?.kind == .notFound)
        let early = #expect(throws: AppError.self) {
            try clerk.record(.acknowledge, on: id, at: try fixture.instant("2026-11-01 09:00"))
        }
        #expect(early?.kind == .conflict)
        #expect(early?.message == "case \(id): the moment of the step lies before the receipt of the request")
        let future = #expect(throws: AppError.self) {
            try clerk.logCase(
                CaseInput(
                    kinds: [.access], channel: .post, received: try fixture.instant("2027-01-01 09:00"),
                    personal: [.subject: "X"]))
        }
        #expect(future?.message == "the moment of receipt lies in the future")
        let civil = #expect(throws: AppError.self) {
            try clerk.logCase(
                CaseInput(kinds: [.injunction], channel: .post, received: fixture.now, personal: [.subject: "X"]))
        }
        #expect(civil?.message.contains("give the date the claimant set") == true)
        #expect(!(civil?.message.contains("--") ?? true), "no CLI flags in the application's messages")
    }
}

@Suite("Reply routes")
struct ReplyRouteTests {
    @Test("an answer goes by e-mail, by post or back through the channel the request came by")
    func routes() throws {
        let fixture = try AppFixture()
        defer { fixture.remove() }
        let clerk = try fixture.session(AppFixture.clerk)
        let id = try clerk.logCase(
            CaseInput(kinds: [.access], channel: .facebook, received: fixture.now, personal: [.subject: "Erika Fiktiv"])
        ).state.id
        #expect(try clerk.record(.replyRoute(via: nil, contact: nil), on: id).state.replyRoute == .facebook)
        #expect(try clerk.record(.replyRoute(via: .post, contact: "Musterstraße 1"), on: id).state.replyRoute == .post)
        let refused = #expect(throws: AppError.self) {
            try clerk.record(.replyRoute(via: .instagram, contact: nil), on: id)
        }
        #expect(refused?.kind == .badInput)
        let unknown = #expect(throws: AppError.self) {
            try clerk.record(.replyRoute(via: nil, contact: nil), on: CaseID("2026-00999")!)
        }
        #expect(unknown?.kind == .notFound && unknown?.message == "no case 2026-00999")
    }
}

@Suite("Use cases from Swift concurrency")
struct AsyncUseCaseTests {
    @Test("eight concurrent callers log cases through perform: all numbered once, gapless, the chain intact")
    func concurrentWriters() async throws {
        let fixture = try AppFixture()
        defer { fixture.remove() }
        let session = try fixture.session(AppFixture.clerk)
        let received = try fixture.instant("2026-11-16 10:00")
        let ids = try await withThrowingTaskGroup(of: [String].self) { group in
            for writer in 0..<8 {
                group.addTask {
                    var ids: [String] = []
                    for index in 0..<10 {
                        let change = try await session.perform { session in
                            try session.logCase(
                                CaseInput(
                                    kinds: [.access], channel: .email, received: received,
                                    personal: [.subject: "Schreiber \(writer)-\(index)"]))
                        }
                        ids.append(change.state.id.rawValue)
                    }
                    return ids
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(ids.sorted() == (1...80).map { String(format: "2026-%05d", $0) })
        let report = try await session.perform { try $0.verify() }
        #expect(report.isIntact && report.events == 84, "80 cases and the 4 staff events")
        let refused = await #expect(throws: AppError.self) {
            try await session.perform { try $0.record(.assign(to: AppFixture.otherClerk), on: CaseID(ids[0])!) }
        }
        #expect(refused?.kind == .notPermitted)
    }
}
