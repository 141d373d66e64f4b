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
        let context = try CaseContext(store: store, policy: policy)
        let counts = try context.store.counts()
        let (reference, engine) = try context.policyForNewCases()
        let schema = try context.store.schemaVersion()
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
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
