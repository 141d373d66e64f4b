import DSRTestSupport
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
        let text = base.replacingOccurrences(
            of: "</jointControllers>", with: "</jointControllers>\n  <users>\n\(list)\n  </users>")
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

    /// The commands whose role checks still live in the command (export, purge, calendar,
    /// restore, user), and one of each role level for the rest; the whole matrix runs in
    /// process in DSRAppTests.
    static let entries: [Entry] = [
        Entry(
            command: [
                "log", "--kind", "access", "--channel", "email", "--received", "2026-11-03 09:00", "--subject",
                "Rolf Rolle",
            ], least: "clerk"),
        Entry(command: ["verify"], least: "clerk"),
        Entry(command: ["user", "list"], least: "clerk"),
        Entry(command: ["assign", id, "--to", login], least: "supervisor"),
        Entry(command: ["export", "--format", "csv", "--out", "{dir}/report.csv"], least: "supervisor"),
        Entry(command: ["calendar", "--deadlines"], least: "supervisor"),
        Entry(command: ["user", "add", "neu", "--role", "clerk"], least: "supervisor"),
        Entry(
            command: ["export", "--format", "csv", "--include-personal-data", "--out", "{dir}/personal.csv"],
            least: "dpo"),
        Entry(command: ["purge", "--dry-run"], least: "dpo"),
        Entry(command: ["purge"], least: "dpo"),
        Entry(setup: [["backup", "{dir}/backup.sqlite"]], command: ["restore", "{dir}/backup.sqlite"], least: "dpo"),
        Entry(command: ["subject", "export", "--subject", "Rolle"], least: "dpo"),
    ]

    /// Gives the process owner `role` in the database: its own DPO account first (as single-user
    /// mode demands), a second DPO so the role can be lowered, then the role.
    static func grant(_ role: String, in db: TempDatabase) throws {
        for command in [["user", "add", login, "--role", "dpo"], ["user", "add", "zweite-dpo", "--role", "dpo"]]
            + (role == "dpo" ? [] : [["user", "role", login, role]])
        {
            let result = try db.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
    }
}

@Suite("Roles from the staff accounts in the database, through the command line")
struct RolesTests {
    @Test(
        "a command × every role: the allowed ones run, the others are refused with exit 77 and change nothing",
        arguments: RoleFixture.entries)
    func matrix(_ entry: RoleFixture.Entry) throws {
        for role in RoleFixture.roles {
            let db = TempDatabase()
            defer { db.remove() }
            let dir = db.folder.path
            // The case every command works on, logged in single-user mode.
            let logged = try db.run([
                "log", "--kind", "access,rectification", "--channel", "facebook",
                "--received", "2026-11-02 10:00", "--subject", "Rolf Rolle",
            ])
            #expect(logged.status == 0, "\(logged.stderr)")
            for step in entry.setup {
                let result = try db.run(step.map { $0.replacingOccurrences(of: "{dir}", with: dir) })
                #expect(result.status == 0, "setup \(step): \(result.stderr)")
            }
            try RoleFixture.grant(role, in: db)
            let events = try db.eventCount()
            let result = try db.run(entry.command.map { $0.replacingOccurrences(of: "{dir}", with: dir) })
            let allowed = RoleFixture.roles.firstIndex(of: role)! >= RoleFixture.roles.firstIndex(of: entry.least)!
            if allowed {
                #expect(result.status == 0, "\(role) may run \(entry.command): \(result.stderr)")
            } else {
                #expect(result.status == 77, "\(role) must not run \(entry.command)")
                #expect(
                    result.stderr.contains(
                        "needs the role \(entry.least) or higher; your staff account has the role \(role)"),
                    "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1)
                #expect(result.stdout.isEmpty)
                #expect(try db.eventCount() == events, "a refused command wrote nothing")
            }
        }
    }

    @Test("a login without an account is refused once accounts exist; commands without the log still run")
    func noAccount() throws {
        let db = TempDatabase()
        defer { db.remove() }
        try RoleFixture.grant("dpo", in: db)
        #expect(try db.run(["user", "disable", RoleFixture.login]).status == 0)
        for command in [
            ["list"], ["info"],
            [
                "log", "--kind", "access", "--channel", "email", "--received", "2026-11-02 10:00", "--subject",
                "Una Gelistet",
            ],
        ] {
            let result = try db.run(command)
            #expect(result.status == 77)
            #expect(
                result.stderr
                    == "dsr: the staff account of this login is disabled in this database; ask a supervisor (dsr user)\n"
            )
        }
        #expect(try db.sqlite("SELECT COUNT(*) FROM caseProjection") == "0")
        #expect(try DSRProcess.run(["deadline", "--received", "2026-11-02 10:00"]).status == 0)
    }

    @Test("dsr user: add, role, disable and list, as text and JSON; each change is a staff event in the chain")
    func userCommands() throws {
        let db = TempDatabase()
        defer { db.remove() }
        #expect(try db.run(["user", "list"]).stdout.contains("Einzelplatzmodus"))
        let first = try db.run(["user", "add", "kollegin", "--role", "clerk"])
        #expect(first.status == 65)
        #expect(first.stderr.contains("the first staff account must be your own"))
        #expect(
            try db.run(["user", "add", RoleFixture.login, "--role", "dpo", "--name", "Dora Datenschutz"]).status == 0)
        #expect(try db.run(["user", "add", "kollegin", "--role", "clerk"]).status == 0)
        #expect(try db.run(["user", "role", "kollegin", "supervisor"]).status == 0)
        #expect(try db.run(["user", "disable", "kollegin"]).status == 0)
        let json = try db.run(["user", "list", "--json"]).stdout
        #expect(
            json.contains(#"{"login":"kollegin","role":"supervisor","name":null,"enabled":false,"since":"#), "\(json)")
        #expect(json.contains(#""login":"\#(RoleFixture.login)","role":"dpo","name":"Dora Datenschutz""#), "\(json)")
        #expect(try db.run(["user", "role", "niemand", "clerk"]).status == 65)
        #expect(try db.run(["user", "add", "kollegin", "--role", "root"]).status == 64)
        #expect(
            try db.sqlite("SELECT group_concat(kind) FROM event WHERE caseId = '0000-00000'")
                == "staff-added,staff-added,staff-role-changed,staff-disabled")
        #expect(try db.run(["verify"]).status == 0)
        #expect(try db.run(["info", "--json"]).stdout.contains(#""single_user":false"#))
    }

    @Test("a clerk sees unassigned cases and their own; a supervisor sees every case")
    func clerkSeesOwnCases() throws {
        let db = TempDatabase()
        defer { db.remove() }
        for received in ["2026-11-02 10:00", "2026-11-03 10:00", "2026-11-04 10:00"] {
            #expect(
                try db.run([
                    "log", "--kind", "access", "--channel", "email", "--received", received, "--subject", "Sina Sicht",
                ]).status == 0)
        }
        try RoleFixture.grant("supervisor", in: db)
        #expect(try db.run(["user", "add", "kollegin", "--role", "clerk"]).status == 0)
        #expect(try db.run(["assign", "2026-00001", "--to", "kollegin"]).status == 0)
        #expect(try db.run(["assign", "2026-00002", "--to", RoleFixture.login]).status == 0)
        #expect(try db.run(["list", "--json"]).stdout.contains("2026-00001"))
        #expect(try db.sqlite("UPDATE account SET role = 'clerk' WHERE login = '\(RoleFixture.login)'").isEmpty)

        let clerkList = try db.run(["list", "--json"]).stdout
        #expect(
            !clerkList.contains("2026-00001") && clerkList.contains("2026-00002") && clerkList.contains("2026-00003"))
        #expect(!(try db.run(["find", "--subject", "Sicht"]).stdout.contains("2026-00001")))
        for command in [["show", "2026-00001"], ["note", "2026-00001", "Notiz"], ["ack", "2026-00001"]] {
            let refused = try db.run(command)
            #expect(refused.status == 77)
            #expect(
                refused.stderr == "dsr: case 2026-00001 is assigned to someone else; a supervisor can reassign it\n")
        }
        #expect(try db.run(["ack", "2026-00002"]).status == 0)
    }

    @Test(
        "a policy's staff list no longer decides roles once the accounts exist; dsr init seeds them only while there are none"
    )
    func policyNoLongerDecides() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let dpoPolicy = try RoleFixture.policy([(RoleFixture.login, "dpo")], in: db.folder, name: "dpo.xml")
        let clerkPolicy = try RoleFixture.policy([(RoleFixture.login, "clerk")], in: db.folder, name: "clerk.xml")
        #expect(try db.run(["init", "--policy", clerkPolicy]).status == 0, "the first run creates the accounts")
        #expect(try db.run(["info", "--json"]).stdout.contains(#""role":"clerk""#))
        let raised = try db.run(["assign", "2026-00001", "--to", RoleFixture.login, "--policy", dpoPolicy])
        #expect(raised.status == 77, "a policy naming this login a DPO changes nothing")
        let reinit = try db.run(["init", "--policy", dpoPolicy])
        #expect(reinit.status == 77)
        #expect(
            reinit.stderr.contains("choosing the policy of a database needs the role supervisor"), "\(reinit.stderr)")
    }

    @Test("only the DPO makes a database adopt a vault key; a clerk holding one is refused before anything is sealed")
    func vaultAdoption() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let key = db.folder.appendingPathComponent("vault.key").path
        #expect(try db.run(["keygen", "--out", key]).status == 0)
        #expect(
            try db.run([
                "log", "--kind", "access", "--channel", "email", "--received", "2026-11-02 10:00", "--subject",
                "Vera Versiegelt",
            ]).status == 0)
        try RoleFixture.grant("clerk", in: db)
        let refused = try db.run(["show", "2026-00001", "--vault-key", key])
        #expect(refused.status == 77)
        #expect(
            refused.stderr.contains(
                "sealing the personal data with a vault key this database does not know yet needs the role dpo"))
        #expect(try db.sqlite("SELECT COUNT(*) FROM vault WHERE sealed = 1") == "0")
        #expect(try db.sqlite("UPDATE account SET role = 'dpo' WHERE login = '\(RoleFixture.login)'").isEmpty)
        #expect(try db.run(["verify", "--vault-key", key]).status == 0)
        #expect(try db.sqlite("SELECT COUNT(*) FROM vault WHERE sealed = 1") == "1")
        #expect(try db.run(["show", "2026-00001", "--vault-key", key]).stdout.contains("Vera Versiegelt"))
    }

    @Test("dsr info tells single-user mode and the role in force")
    func info() throws {
        let db = TempDatabase()
        defer { db.remove() }
        let single = try db.run(["info", "--json"]).stdout
        #expect(single.contains(#""single_user":true"#) && single.contains(#""role":null"#))
        #expect(try db.run(["info"]).stdout.contains("Einzelplatzmodus"))
        try RoleFixture.grant("supervisor", in: db)
        let listed = try db.run(["info", "--json"]).stdout
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
