import ArgumentParser
import DSRApp
import DSRCore
import Foundation

/// `dsr user add|role|disable|list`: the staff accounts and their roles. Each change is an
/// event of the tracker in the hash chain.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage the staff accounts and their roles.",
        discussion: """
            Roles: clerk (Sachbearbeitung), supervisor (Leitung), dpo (Datenschutzbeauftragte). \
            Supervisors manage accounts; only the DPO grants, changes or disables a DPO's account. \
            While the database has no accounts, everyone may do everything (single-user mode); \
            the first account must be your own, with the role dpo.
            """,
        subcommands: [Add.self, ChangeRole.self, Disable.self, SetPassword.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Create a staff account (or enable a disabled one).")

        @Argument(help: ArgumentHelp("The login name.", valueName: "login"))
        var login: String

        @Option(name: .long, help: "clerk, supervisor or dpo.")
        var role: Role

        @Option(name: .long, help: ArgumentHelp("The name people see.", valueName: "text"))
        var name: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var policy: PolicyOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let displayName = try PersonalText.read(name, field: .subject, option: "--name")
            let account = try store.session(policy: policy, for: .manageStaff)
                .addStaff(login: login, role: role, displayName: displayName)
            try StaffOutput(output: output).print([account])
        }
    }

    struct ChangeRole: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "role", abstract: "Give a staff account another role.")

        @Argument(help: ArgumentHelp("The login name.", valueName: "login"))
        var login: String

        @Argument(help: "clerk, supervisor or dpo.")
        var role: Role

        @OptionGroup var store: StoreOptions
        @OptionGroup var policy: PolicyOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let account = try store.session(policy: policy, for: .manageStaff).changeRole(login: login, to: role)
            try StaffOutput(output: output).print([account])
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable", abstract: "Disable a staff account (its record stays).")

        @Argument(help: ArgumentHelp("The login name.", valueName: "login"))
        var login: String

        @OptionGroup var store: StoreOptions
        @OptionGroup var policy: PolicyOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let account = try store.session(policy: policy, for: .manageStaff).disableStaff(login: login)
            try StaffOutput(output: output).print([account])
        }
    }

    struct SetPassword: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password",
            abstract: "Set a staff account's password for the web application (dsr serve).",
            discussion: """
                Reads the password from standard input when it is not a terminal, else asks twice. \
                At least 12 characters, at most 72 bytes; kept as a bcrypt hash (cost 12).
                """)

        @Argument(help: ArgumentHelp("The login name.", valueName: "login"))
        var login: String

        @OptionGroup var store: StoreOptions
        @OptionGroup var policy: PolicyOptions

        func run() throws {
            let password = try PasswordPrompt.read()
            try store.session(policy: policy, for: .showInfo).setPassword(login: login, password: password)
            FileHandle.standardError.write(Data("dsr: password of \(login) set\n".utf8))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the staff accounts.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var policy: PolicyOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try StaffOutput(output: output).print(try store.session(policy: policy, for: .listStaff).staffAccounts())
        }
    }
}

extension Role: ExpressibleByArgument {}

/// Staff accounts as a table or as JSON (`login`, `role`, `name`, `enabled`, `since`).
struct StaffOutput {
    let output: OutputOptions

    /// The JSON form of one account; a missing name is `null`.
    struct AccountJSON: Encodable {
        let login: String
        let role: String
        let name: String?
        let enabled: Bool
        let since: String
    }

    func print(_ accounts: [StaffAccount]) throws {
        let lang = output.lang
        if output.json {
            let rows = accounts.map { account in
                AccountJSON(
                    login: account.login, role: account.role.rawValue, name: account.displayName,
                    enabled: account.enabled, since: ISOFormat.utc(account.createdAt))
            }
            try OrderedJSONEncoder.print(rows)
            return
        }
        if accounts.isEmpty {
            let text = lang.pick(
                "Keine Benutzerkonten (Einzelplatzmodus: jeder darf alles).\n",
                "No staff accounts (single-user mode: anyone may do anything).\n")
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let table = TextTable.render(
            headers: lang == .de ? ["Login", "Rolle", "Name", "Status"] : ["Login", "Role", "Name", "State"],
            rows: accounts.map { account in
                [
                    account.login, lang.pick(account.role.germanName, account.role.rawValue),
                    account.displayName ?? "–",
                    account.enabled ? lang.pick("aktiv", "enabled") : lang.pick("gesperrt", "disabled"),
                ]
            })
        FileHandle.standardOutput.write(Data(table.utf8))
    }
}
