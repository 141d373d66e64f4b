import ArgumentParser
import DSRCore

/// `--subject TEXT`, shared by the commands that look a person up by name.
struct SubjectQuery: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Part of the person's name (- reads standard input).", valueName: "text"))
    var subject: String

    /// The name to look for, read and checked like any personal text.
    func needle() throws -> String {
        try PersonalText.read(subject, field: .subject, option: "--subject")!
    }
}
