import ArgumentParser
import DSRApp
import DSRCore
import Foundation

/// `dsr subject`: the rights of the people in the tracker, applied to the tracker itself.
struct SubjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subject",
        abstract: "What the tracker holds about a person: export it (Art. 15), correct it (Art. 16).",
        subcommands: [Export.self, RectifyCommand.self])

    /// `dsr subject export --subject TEXT`: every case of the person, in full.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Print everything held about a person: readable German text, or --json.")

        @OptionGroup var query: SubjectQuery
        @OptionGroup var store: StoreOptions
        @OptionGroup var policy: PolicyOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let needle = try query.needle()
            let session = try store.session(policy: policy, for: .exportSubject)
            let views = try session.subjectExport(nameContaining: needle).map {
                CaseView(detail: $0, language: output.lang, at: session.now)
            }
            if output.json {
                try OrderedJSONEncoder.print(SubjectExportJSON(cases: views.map { CaseDetailJSON(detail: $0.detail) }))
                return
            }
            let lang = output.lang
            var text = lang.pick(
                "Auskunft über gespeicherte Daten (Art. 15 DSGVO): \(views.count) Vorgang/Vorgänge\n",
                "Data held (Art. 15 GDPR): \(views.count) case(s)\n")
            text += lang.pick(
                "Zweck: Bearbeitung von Anträgen nach Art. 15 ff. DSGVO. Speicherdauer: bis zum Ablauf der Aufbewahrungsfrist nach Abschluss des Vorgangs.\n",
                "Purpose: handling requests under Art. 15 ff. GDPR. Kept until the retention period after the case was closed has run out.\n"
            )
            for view in views { text += "\n" + view.text() }
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// `dsr subject export --json`: every case of the person, in full.
private struct SubjectExportJSON: Encodable {
    let cases: [CaseDetailJSON]
}
