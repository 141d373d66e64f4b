import ArgumentParser
import DSRApp
import DSRCore
import Foundation

/// `dsr info`: where the database is, its schema version, what it holds, the policy in force.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Show the database, its schema version and the policy in force.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let info = try store.session(policy: policy, for: .showInfo).info()
        let access = info.access
        if output.json {
            try OrderedJSONEncoder.print(
                InfoJSON(
                    database: info.database, schema: info.schema, cases: info.cases, events: info.events,
                    policy: info.policySource, policyHash: info.policyHash, singleUser: access.isSingleUser,
                    user: access.login, role: access.role?.rawValue, vault: info.vault.rawValue))
            return
        }
        let lang = output.lang
        let vault: String =
            switch info.vault {
            case .plain:
                lang.pick("unverschlüsselt (dsr keygen erzeugt einen Schlüssel)", "not sealed (dsr keygen makes a key)")
            case .sealed: lang.pick("verschlüsselt, Schlüssel vorhanden", "sealed, key given")
            case .sealedNoKey:
                lang.pick(
                    "verschlüsselt, kein Schlüssel: Namen nicht lesbar (--vault-key, DSR_VAULT_KEY_FILE)",
                    "sealed, no key: names unreadable (--vault-key, DSR_VAULT_KEY_FILE)")
            }
        let role =
            access.role.map { lang.pick($0.germanName, $0.rawValue) }
            ?? lang.pick(
                "Einzelplatzmodus (die Datenbank hat keine Benutzerkonten; jeder darf alles)",
                "single-user mode (the database has no staff accounts; anyone may do anything)")
        let text =
            lang.pick("Datenbank: ", "Database: ") + info.database + "\n"
            + lang.pick("Schema: ", "Schema: ") + info.schema.joined(separator: ", ") + "\n"
            + lang.pick("Fälle: ", "Cases: ") + "\(info.cases) · " + lang.pick("Ereignisse: ", "events: ")
            + "\(info.events)\n"
            + lang.pick("Policy: ", "Policy: ")
            + "\(info.policy.controller.name), \(info.policy.controller.unit) (\(info.policySource), \(info.policyHash.prefix(12))…)\n"
            + lang.pick("Benutzer: ", "User: ") + access.login + " – " + role + "\n"
            + lang.pick("Tresor: ", "Vault: ") + vault + "\n"
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// `dsr info --json`.
private struct InfoJSON: Encodable {
    let database: String
    let schema: [String]
    let cases: Int
    let events: Int
    let policy: String
    let policyHash: String
    let singleUser: Bool
    let user: String
    let role: String?
    let vault: String

    enum CodingKeys: String, CodingKey {
        case database, schema, cases, events, policy
        case policyHash = "policy_hash"
        case singleUser = "single_user"
        case user, role, vault
    }
}
