import ArgumentParser
import DSRCore
import DSRStore
import Foundation

/// `dsr info`: where the database is, its schema version, what it holds, the policy in force.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Show the database, its schema version and the policy in force.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let context = try CaseContext(store: store, policy: policy, requiring: .clerk, to: "showing the database")
        let counts = try context.store.counts()
        let (reference, engine) = context.policyForNewCases()
        let schema = try context.store.schemaVersion()
        let access = context.access
        let vault = context.store.vaultState
        if output.json {
            var writer = JSONWriter()
            writer.beginObject()
            writer.key("database")
            writer.string(context.store.path)
            writer.key("schema")
            writer.beginArray()
            for name in schema { writer.string(name) }
            writer.endArray()
            writer.key("cases")
            writer.integer(counts.cases)
            writer.key("events")
            writer.integer(counts.events)
            writer.key("policy")
            writer.string(reference.source)
            writer.key("policy_hash")
            writer.string(reference.hash)
            writer.key("single_user")
            writer.bool(access.isSingleUser)
            writer.key("user")
            writer.string(access.login)
            writer.key("role")
            if let role = access.role { writer.string(role.rawValue) } else { writer.null() }
            writer.key("vault")
            writer.string(vault.sealed ? (vault.readable ? "sealed" : "sealed-no-key") : "plain")
            writer.endObject()
            writer.newline()
            FileHandle.standardOutput.write(writer.data)
            return
        }
        let lang = output.lang
        let text = lang.pick("Datenbank: ", "Database: ") + context.store.path + "\n"
            + lang.pick("Schema: ", "Schema: ") + schema.joined(separator: ", ") + "\n"
            + lang.pick("Fälle: ", "Cases: ") + "\(counts.cases) · " + lang.pick("Ereignisse: ", "events: ") + "\(counts.events)\n"
            + lang.pick("Policy: ", "Policy: ") + "\(engine.policy.controller.name), \(engine.policy.controller.unit) (\(reference.source), \(reference.hash.prefix(12))…)\n"
            + lang.pick("Benutzer: ", "User: ") + access.login + " – " + (access.role.map { lang.pick($0.germanName, $0.rawValue) }
                ?? lang.pick("Einzelplatzmodus (die Policy nennt keine Benutzer; jeder darf alles)", "single-user mode (the policy lists no users; anyone may do anything)")) + "\n"
            + lang.pick("Tresor: ", "Vault: ") + (!vault.sealed
                ? lang.pick("unverschlüsselt (dsr keygen erzeugt einen Schlüssel)", "not sealed (dsr keygen makes a key)")
                : vault.readable ? lang.pick("verschlüsselt, Schlüssel vorhanden", "sealed, key given")
                : lang.pick("verschlüsselt, kein Schlüssel: Namen nicht lesbar (--vault-key, DSR_VAULT_KEY_FILE)", "sealed, no key: names unreadable (--vault-key, DSR_VAULT_KEY_FILE)")) + "\n"
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
