import ArgumentParser
import DSRReports
import Foundation

/// `--templates DIR`, shared by the commands that use letter templates.
struct TemplateOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Folder of letter templates. Default: a templates folder beside the --policy file, else the embedded ones.",
            valueName: "dir"))
    var templates: String?

    /// The templates in force: `--templates`, else a `templates` folder beside `policyFile`
    /// when there is one, else those embedded from `Policies/templates/`.
    func load(besidePolicy policyFile: String?) throws -> LetterTemplates {
        if let templates { return try LetterTemplates.folder(templates) }
        if let policyFile {
            let beside = URL(fileURLWithPath: policyFile).deletingLastPathComponent().appendingPathComponent(
                "templates")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: beside.path, isDirectory: &isFolder), isFolder.boolValue {
                return try LetterTemplates.folder(beside.path)
            }
        }
        return LetterTemplates.embedded()
    }
}
