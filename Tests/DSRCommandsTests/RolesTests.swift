import Foundation
import Testing

/// Policies that list the login running the tests with one role, and an entry per command
/// with the least role it needs.
enum RoleFixture {
    /// The login name of the process owner, as `dsr` records it.
    static let login: String = {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "uid-\(geteuid())" }
        return String(cString: name)
    }()

    /// Writes the Kaiserslautern policy with a staff list into `folder`; returns its path.
    static func policy(_ users: [(login: String, role: String)], in folder: URL, name: String) throws -> String {
        let base = try String(
            contentsOf: DSRProcess.repository.appendingPathComponent("Policies/kaiserslautern.xml"), encoding: .utf8)
        let list = users.map { "    <user login=\"\($0.login)\" role=\"\($0.role)\"/>" }.joined(separator: "\n")
        let text = base.replacingOccurrences(of: "</jointControllers>", with: "</jointControllers>\n  <users>\n\(list)\n  </users>")
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// One command as a role check sees it: what to run first (in single-user mode), the
    /// command (`{dir}` stands for the test's folder), and the least role that may run it.
    struct Entry: CustomTestStringConvertible, Sendable {
        var setup: [[String]] = []
        var command: [String]
        var least: String

        var testDescription: String { command.prefix(2).joined(separator: " ") }
    }

    static let roles = ["clerk", "supervisor", "dpo"]
    static let id = "2026-00001"

    static let entries: [Entry] = [
        Entry(command: ["log", "--kind", "access", "--channel", "email", "--received", "2026-11-03 09:00", "--subject", "Rolf Rolle"], least: "clerk"),
        Entry(command: ["ack", id], least: "clerk"),
        Entry(command: ["identity", "request", id], least: "clerk"),
        Entry(setup: [["identity", "request", id, "--at", "2026-11-03 10:00"]], command: ["identity", "confirm", id], least: "clerk"),
        Entry(command: ["clarify", "request", id], least: "clerk"),
        Entry(setup: [["clarify", "request", id, "--at", "2026-11-03 10:00"]], command: ["clarify", "receive", id], least: "clerk"),
        Entry(command: ["extend", id, "--reason", "viele Unterlagen"], least: "clerk"),
        Entry(command: ["forward", id, "--to", "meta"], least: "clerk"),
        Entry(command: ["notify-recipients", id], least: "clerk"),
        Entry(command: ["answer", id, "--kind", "access", "--outcome", "granted"], least: "clerk"),
        Entry(command: ["withdraw", id], least: "clerk"),
        Entry(setup: [["withdraw", id, "--at", "2026-11-03 10:00"]], command: ["close", id], least: "clerk"),
        Entry(command: ["note", id, "Rückruf vereinbart"], least: "clerk"),
        Entry(command: ["show", id], least: "clerk"),
        Entry(command: ["list"], least: "clerk"),
        Entry(command: ["overdue"], least: "clerk"),
        Entry(command: ["find", "--subject", "Rolle"], least: "clerk"),
        Entry(command: ["verify"], least: "clerk"),
        Entry(command: ["info"], least: "clerk"),
        Entry(command: ["import", "{dir}/import.csv"], least: "clerk"),
        Entry(command: ["subject", "rectify", id, "--name", "Rolf Neuname"], least: "clerk"),
        Entry(command: ["reply-route", id, "--via", "email", "--contact", "rolf@example.org"], least: "clerk"),
        Entry(command: ["letter", id, "--template", "eingangsbestaetigung"], least: "clerk"),
        Entry(command: ["duties"], least: "clerk"),
        Entry(command: ["duty", "done", "datenschutz-post", "--channel", "facebook"], least: "clerk"),
        Entry(command: ["assign", id, "--to", login], least: "supervisor"),
        Entry(setup: [["withdraw", id, "--at", "2026-11-03 10:00"]], command: ["reopen", id], least: "supervisor"),
        Entry(command: ["export", "--format", "csv", "--out", "{dir}/report.csv"], least: "supervisor"),
        Entry(command: ["calendar", "--deadlines"], least: "supervisor"),
        Entry(command: ["backup", "{dir}/backup.sqlite"], least: "supervisor"),
        Entry(command: ["init"], least: "supervisor"),
        Entry(command: ["export", "--format", "csv", "--include-personal-data", "--out", "{dir}/personal.csv"], least: "dpo"),
        Entry(command: ["purge", "--dry-run"], least: "dpo"),
        Entry(command: ["purge"], least: "dpo"),
        Entry(setup: [["backup", "{dir}/backup.sqlite"]], command: ["restore", "{dir}/backup.sqlite"], least: "dpo"),
        Entry(command: ["subject", "export", "--subject", "Rolle"], least: "dpo"),
    ]
}

@Suite("Roles from the policy's staff list")
struct RolesTests {
    @Test("every command × every role: the allowed ones run, the others are refused with exit 77 and change nothing",
          arguments: RoleFixture.entries)
    func matrix(_ entry: RoleFixture.Entry) throws {
        for role in RoleFixture.roles {
            let db = TempDatabase()
            defer { db.remove() }
            let dir = db.folder.path
            try "received,kind,channel,subject\n2026-11-03 09:00,access,email,Ina Import\n"
                .write(toFile: dir + "/import.csv", atomically: true, encoding: .utf8)
            let policy = try RoleFixture.policy([(RoleFixture.login, role)], in: db.folder, name: "\(role).xml")
            // The case every command works on, logged in single-user mode (the embedded policy).
            let logged = try db.run(["log", "--kind", "access,rectification", "--channel", "facebook",
                                     "--received", "2026-11-02 10:00", "--subject", "Rolf Rolle"])
            #expect(logged.status == 0, "\(logged.stderr)")
            for step in entry.setup {
                let result = try db.run(step.map { $0.replacingOccurrences(of: "{dir}", with: dir) })
                #expect(result.status == 0, "setup \(step): \(result.stderr)")
            }
            let events = try db.eventCount()
            let command = entry.command.map { $0.replacingOccurrences(of: "{dir}", with: dir) } + ["--policy", policy]
            let result = try db.run(command)
            let allowed = RoleFixture.roles.firstIndex(of: role)! >= RoleFixture.roles.firstIndex(of: entry.least)!
            if allowed {
                // `overdue` exits 1 when something is overdue; anything but "not permitted" is a run.
                #expect(entry.command == ["overdue"] ? result.status <= 1 : result.status == 0,
                        "\(role) may run \(entry.command): \(result.stderr)")
            } else {
                #expect(result.status == 77, "\(role) must not run \(entry.command)")
                #expect(result.stderr.contains("needs the role \(entry.least) or higher; policy \(policy) gives you \(role)"), "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1)
                #expect(result.stdout.isEmpty)
                #expect(try db.eventCount() == events, "a refused command wrote nothing")
            }
        }
    }

    @Test("a login the policy does not list is refused, with the policy file named; commands without the log still run")
    func unlisted() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let policy = try RoleFixture.policy([("jemand-anders", "dpo")], in: db.folder, name: "others.xml")
        for command in [["list"], ["info"], ["log", "--kind", "access", "--channel", "email", "--received", "2026-11-02 10:00", "--subject", "Una Gelistet"]] {
            let result = try db.run(command + ["--policy", policy])
            #expect(result.status == 77)
            #expect(result.stderr == "dsr: this login (uid \(geteuid())) is not among the users of policy \(policy); ask a supervisor to add it\n")
        }
        #expect(try db.eventCount() == 0)
        let deadline = try DSRProcess.run(["deadline", "--received", "2026-11-02 10:00", "--policy", policy])
        #expect(deadline.status == 0)
    }

    @Test("a clerk sees unassigned cases and their own; a supervisor sees every case")
    func clerkSeesOwnCases() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let clerk = try RoleFixture.policy([(RoleFixture.login, "clerk")], in: db.folder, name: "clerk.xml")
        let supervisor = try RoleFixture.policy([(RoleFixture.login, "supervisor")], in: db.folder, name: "supervisor.xml")
        for received in ["2026-11-02 10:00", "2026-11-03 10:00", "2026-11-04 10:00"] {
            #expect(try db.run(["log", "--kind", "access", "--channel", "email", "--received", received, "--subject", "Sina Sicht"]).status == 0)
        }
        #expect(try db.run(["assign", "2026-00001", "--to", "kollegin", "--policy", supervisor]).status == 0)
        #expect(try db.run(["assign", "2026-00002", "--to", RoleFixture.login, "--policy", supervisor]).status == 0)

        let clerkList = try db.run(["list", "--json", "--policy", clerk]).stdout
        #expect(!clerkList.contains("2026-00001") && clerkList.contains("2026-00002") && clerkList.contains("2026-00003"))
        #expect(try db.run(["list", "--json", "--policy", supervisor]).stdout.contains("2026-00001"))
        #expect(!(try db.run(["find", "--subject", "Sicht", "--policy", clerk]).stdout.contains("2026-00001")))

        for command in [["show", "2026-00001"], ["note", "2026-00001", "Notiz"], ["ack", "2026-00001"]] {
            let refused = try db.run(command + ["--policy", clerk])
            #expect(refused.status == 77)
            #expect(refused.stderr == "dsr: case 2026-00001 is assigned to someone else; a supervisor can reassign it\n")
        }
        #expect(try db.run(["show", "2026-00001", "--policy", supervisor]).status == 0)
        #expect(try db.run(["ack", "2026-00002", "--policy", clerk]).status == 0)
    }

    @Test("the staff list stored by dsr init rules plain commands, and a clerk cannot replace it with one without users")
    func storedStaffList() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let supervisor = try RoleFixture.policy([(RoleFixture.login, "supervisor")], in: db.folder, name: "supervisor.xml")
        let clerk = try RoleFixture.policy([(RoleFixture.login, "clerk")], in: db.folder, name: "clerk.xml")
        #expect(try db.run(["init", "--policy", supervisor]).status == 0)
        #expect(try db.run(["info", "--json"]).stdout.contains(#""role":"supervisor""#), "the stored policy is in force")
        // Simulate a staff list, stored by someone else, that makes this login a clerk.
        _ = try db.sqlite("UPDATE policy SET text = CAST(readfile('\(clerk)') AS TEXT)")
        #expect(try db.run(["info", "--json"]).stdout.contains(#""role":"clerk""#))
        let plainInit = try db.run(["init"])
        #expect(plainInit.status == 77, "the embedded policy lists no users, which would switch roles off")
        #expect(plainInit.stderr.contains("changing the policy of a database needs the role supervisor"), "\(plainInit.stderr)")
        #expect(try db.run(["assign", "2026-00001", "--to", "x"]).status == 77)
    }

    @Test("only the DPO makes a database adopt a vault key; a clerk holding one is refused before anything is sealed")
    func vaultAdoption() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let key = db.folder.appendingPathComponent("vault.key").path
        #expect(try db.run(["keygen", "--out", key]).status == 0)
        #expect(try db.run(["log", "--kind", "access", "--channel", "email", "--received", "2026-11-02 10:00", "--subject", "Vera Versiegelt"]).status == 0)
        let clerk = try RoleFixture.policy([(RoleFixture.login, "clerk")], in: db.folder, name: "clerk.xml")
        let dpo = try RoleFixture.policy([(RoleFixture.login, "dpo")], in: db.folder, name: "dpo.xml")
        let refused = try db.run(["show", "2026-00001", "--policy", clerk, "--vault-key", key])
        #expect(refused.status == 77)
        #expect(refused.stderr.contains("sealing the personal data with a vault key this database does not know yet needs the role dpo"))
        #expect(try db.sqlite("SELECT COUNT(*) FROM vault WHERE sealed = 1") == "0")
        #expect(try db.run(["verify", "--policy", dpo, "--vault-key", key]).status == 0)
        #expect(try db.sqlite("SELECT COUNT(*) FROM vault WHERE sealed = 1") == "1")
        #expect(try db.run(["show", "2026-00001", "--policy", clerk, "--vault-key", key]).stdout.contains("Vera Versiegelt"))
    }

    @Test("dsr info tells single-user mode and the role in force")
    func info() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let single = try db.run(["info", "--json"]).stdout
        #expect(single.contains(#""single_user":true"#) && single.contains(#""role":null"#))
        #expect(try db.run(["info"]).stdout.contains("Einzelplatzmodus"))
        let policy = try RoleFixture.policy([(RoleFixture.login, "supervisor")], in: db.folder, name: "supervisor.xml")
        let listed = try db.run(["info", "--json", "--policy", policy]).stdout
        #expect(listed.contains(#""single_user":false"#) && listed.contains(#""role":"supervisor""#))
    }

    @Test("a policy with an unknown role or a login listed twice fails the schema")
    func badStaffList() throws {
        let folder = TempDatabase()
        defer { folder.remove() }
        let unknownRole = try RoleFixture.policy([("anna", "admin")], in: folder.folder, name: "role.xml")
        let twice = try RoleFixture.policy([("anna", "clerk"), ("anna", "dpo")], in: folder.folder, name: "twice.xml")
        for path in [unknownRole, twice] {
            let result = try DSRProcess.run(["policy", "check", path])
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix("dsr: \(path):"), "\(result.stderr)")
        }
    }
}
