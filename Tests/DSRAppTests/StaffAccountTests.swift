import DSRApp
import DSRCore
import DSRStore
import DSRTestSupport
import DSRXML
import Foundation
import Testing

@Suite("Staff accounts in the database")
struct StaffAccountTests {
    @Test("without accounts everyone may do everything; the first account must be one's own, as DPO")
    func singleUserMode() throws {
        let fixture = try AppFixture(staff: false)
        defer { fixture.remove() }
        let anyone = try fixture.session("wer-auch-immer")
        #expect(anyone.access.isSingleUser)
        let other = #expect(throws: AppError.self) { try anyone.addStaff(login: "kollegin", role: .dpo) }
        #expect(other?.kind == .conflict)
        #expect(other?.message.contains("the first staff account must be your own") == true)
        let notDPO = #expect(throws: AppError.self) { try anyone.addStaff(login: "wer-auch-immer", role: .supervisor) }
        #expect(notDPO?.kind == .conflict)
        #expect(try fixture.eventCount() == 0)
        try anyone.addStaff(login: "wer-auch-immer", role: .dpo, displayName: "Wera Immer")
        let refused = #expect(throws: AppError.self) { try fixture.session("kollegin") }
        #expect(refused?.kind == .notPermitted)
        #expect(
            refused?.message
                == "the staff account of this login does not exist in this database; ask a supervisor (dsr user)")
        #expect(try fixture.session("wer-auch-immer").access.role == .dpo)
    }

    @Test("each change is an event of the tracker in the chain: who granted whom which role")
    func changesAreEvents() throws {
        let fixture = try AppFixture()
        defer { fixture.remove() }
        try fixture.session(AppFixture.supervisor).changeRole(login: AppFixture.otherClerk, to: .supervisor)
        try fixture.session(AppFixture.supervisor).disableStaff(login: AppFixture.clerk)
        let events = try fixture.tracker.store.events(of: .tracker)
        #expect(
            events.map(\.event) == [
                .staffAdded(login: "dora", role: .dpo), .staffAdded(login: "sven", role: .supervisor),
                .staffAdded(login: "clara", role: .clerk), .staffAdded(login: "otto", role: .clerk),
                .staffRoleChanged(login: "otto", role: .supervisor), .staffDisabled(login: "clara"),
            ])
        #expect(events.map(\.actor) == ["dora", "dora", "dora", "dora", "sven", "sven"])
        let disabled = #expect(throws: AppError.self) { try fixture.session(AppFixture.clerk) }
        #expect(disabled?.message.contains("is disabled") == true)
        let report = try fixture.tracker.store.verify()
        #expect(report.events == 6)
    }

    @Test("only the DPO grants, changes or disables a DPO's account; the last DPO stays")
    func dpoAccounts() throws {
        let fixture = try AppFixture()
        defer { fixture.remove() }
        let supervisor = try fixture.session(AppFixture.supervisor)
        for change in [
            { try supervisor.addStaff(login: "neu", role: .dpo) },
            { try supervisor.changeRole(login: AppFixture.clerk, to: .dpo) },
            { try supervisor.changeRole(login: AppFixture.dpo, to: .clerk) },
            { try supervisor.disableStaff(login: AppFixture.dpo) },
        ] as [() throws -> StaffAccount] {
            let error = #expect(throws: AppError.self) { _ = try change() }
            #expect(error?.kind == .notPermitted)
            #expect(error?.message.contains("needs the role dpo") == true)
        }
        let dpo = try fixture.session(AppFixture.dpo)
        let last = #expect(throws: AppError.self) { try dpo.changeRole(login: AppFixture.dpo, to: .supervisor) }
        #expect(last?.message == "the tracker must keep an enabled staff account with the role dpo")
        #expect(throws: AppError.self) { try dpo.disableStaff(login: AppFixture.dpo) }
        try dpo.addStaff(login: "zweite", role: .dpo)
        #expect(try dpo.disableStaff(login: AppFixture.dpo).enabled == false)
    }

    @Test("bad logins, unknown accounts and doubles are refused with the reason")
    func badChanges() throws {
        let fixture = try AppFixture()
        defer { fixture.remove() }
        let dpo = try fixture.session(AppFixture.dpo)
        for login in ["", "mit leerzeichen", "ümlaut", String(repeating: "x", count: 65), "a;DROP"] {
            let error = #expect(throws: AppError.self) { try dpo.addStaff(login: login, role: .clerk) }
            #expect(error?.kind == .badInput, "\(login)")
        }
        #expect(
            (#expect(throws: AppError.self) { try dpo.changeRole(login: "niemand", to: .clerk) })?.kind == .notFound)
        #expect(
            (#expect(throws: AppError.self) { try dpo.addStaff(login: AppFixture.clerk, role: .clerk) })?.kind
                == .conflict)
        let events = try fixture.eventCount()
        #expect(
            (#expect(throws: AppError.self) { try dpo.addStaff(login: "x", role: .clerk, displayName: "A\u{7}B") })?
                .kind == .badInput)
        #expect(try fixture.eventCount() == events)
    }

    @Test("a case is assigned only to an enabled account")
    func assignToAccounts() throws {
        let fixture = try AppFixture()
        defer { fixture.remove() }
        let id = try fixture.log().state.id
        let supervisor = try fixture.session(AppFixture.supervisor)
        let unknown = #expect(throws: AppError.self) { try supervisor.record(.assign(to: "niemand"), on: id) }
        #expect(unknown?.message == "there is no enabled staff account 'niemand' to assign the case to")
        try supervisor.disableStaff(login: AppFixture.otherClerk)
        #expect(throws: AppError.self) { try supervisor.record(.assign(to: AppFixture.otherClerk), on: id) }
        #expect(try supervisor.record(.assign(to: AppFixture.clerk), on: id).state.assignee == AppFixture.clerk)
    }

    @Test(
        "the policy's <users> create the accounts once, on the first run; afterwards the policy no longer decides roles"
    )
    func seededFromPolicy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dsr-seed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let base = try PolicyLoader.loadDefault().text
        func policy(_ users: [(String, String)], name: String) throws -> String {
            let list = users.map { "    <user login=\"\($0.0)\" role=\"\($0.1)\"/>" }.joined(separator: "\n")
            let path = folder.appendingPathComponent(name).path
            try base.replacingOccurrences(
                of: "</jointControllers>", with: "</jointControllers>\n  <users>\n\(list)\n  </users>"
            ).write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let database = try TestBackend.freshDatabase(in: folder)
        defer { database.drop() }
        let first = try policy([("anna", "dpo"), ("bert", "clerk")], name: "first.xml")
        let second = try policy([("bert", "dpo")], name: "second.xml")
        let now = Instant(secondsSinceEpoch: 1_790_000_000)
        let tracker = try Tracker.open(
            try AppFixture.configuration(of: database, policyFile: first), actor: "anna", now: now)
        #expect(try tracker.store.accounts().map(\.login) == ["anna", "bert"])
        #expect(try tracker.session(login: "bert", now: now).access.role == .clerk)
        let later = try Tracker.open(
            try AppFixture.configuration(of: database, policyFile: second), actor: "bert", now: now)
        #expect(
            try later.session(login: "bert", now: now).access.role == .clerk, "the second policy's list is not read")
        #expect(try later.store.events(of: .tracker).count == 2)
    }

    @Test("dsr init seeds the accounts from its policy while there are none, but not one that locks the caller out")
    func choosePolicySeeds() throws {
        let fixture = try AppFixture(staff: false)
        defer { fixture.remove() }
        let base = try PolicyLoader.loadDefault().text
        let path = fixture.folder.appendingPathComponent("staff.xml").path
        try base.replacingOccurrences(
            of: "</jointControllers>",
            with: "</jointControllers>\n  <users>\n    <user login=\"anna\" role=\"dpo\"/>\n  </users>"
        ).write(toFile: path, atomically: true, encoding: .utf8)
        let configuration = try AppFixture.configuration(of: fixture.database, policyFile: path)
        let tracker = try Tracker.open(configuration, actor: "bert", now: fixture.now)
        // Opened before: the staff list of the first run (the embedded policy, none) is read already.
        #expect(try tracker.store.accounts().isEmpty)
        let lockout = #expect(throws: AppError.self) {
            try tracker.session(login: "bert", now: fixture.now).choosePolicy()
        }
        #expect(lockout?.message.contains("does not name this login") == true)
        try tracker.session(login: "anna", now: fixture.now).choosePolicy()
        #expect(try tracker.store.accounts().map(\.login) == ["anna"])
    }
}
