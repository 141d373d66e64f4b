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
            var writer = JSONWriter()
            writer.beginObject()
            writer.key("database")
            writer.string(info.databasePath)
            writer.key("schema")
            writer.beginArray()
            for name in info.schema { writer.string(name) }
            writer.endArray()
            writer.key("cases")
            writer.integer(info.cases)
            writer.key("events")
            writer.integer(info.events)
            writer.key("policy")
            writer.string(info.policySource)
            writer.key("policy_hash")
            writer.string(info.policyHash)
            writer.key("single_user")
            writer.bool(access.isSingleUser)
            writer.key("user")
            writer.string(access.login)
            writer.key("role")
            if let role = access.role { writer.string(role.rawValue) } else { writer.null() }
            writer.key("vault")
            writer.string(info.vault.rawValue)
            writer.endObject()
            writer.newline()
            FileHandle.standardOutput.write(writer.data)
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
            lang.pick("Datenbank: ", "Database: ") + info.databasePath + "\n"
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
