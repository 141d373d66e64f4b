import ArgumentParser
import DSRApp
import DSRCore
import Foundation

/// `dsr import FILE.csv`: brings in an existing spreadsheet of requests, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import requests from a spreadsheet (CSV), all or nothing.",
        discussion: """
            Columns (header names in German or English, any order): received/Eingang, kind/Anliegen,
            channel/Kanal, subject/Name (required); contact/Kontakt, reference/Aktenzeichen,
            note/Notiz, due/Frist (civil claims), answered/Beantwortet, outcome/Ergebnis,
            basis/Rechtsgrundlage, closed/Abgeschlossen. Several kinds in one cell are separated
            by '+' or '/'. Dates as 31.01.2026 10:15, 31.01.2026 or ISO 8601. UTF-8 or
            Windows-1252, comma or semicolon. A bad row is reported with its line and nothing
            is written.
            """)

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file"))
    var file: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure(message: "\(file): cannot read", exitCode: CommandFailure.ioError)
        }
        let count: Int
        do {
            count = try store.session(policy: policy, for: .importCases).importCases(csv: data)
        } catch let failure as ImportFailure {
            throw CommandFailure(
                message: "\(file):\(failure.line): \(failure.message)", exitCode: CommandFailure.badInput)
        }
        let text = output.lang.pick("\(count) Fälle importiert.\n", "\(count) cases imported.\n")
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
