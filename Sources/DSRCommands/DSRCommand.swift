import ArgumentParser
import DSRApp
import DSRCore
import Foundation

/// The root of the `dsr` command line.
public struct DSRCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dsr",
        abstract: "Track GDPR data-subject requests and their legal deadlines.",
        discussion: """
            Exit codes: 0 ok, 1 something is overdue or failed verification, 64 usage error, \
            65 bad input data, 70 internal error, 74 I/O error, 77 not permitted.
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, IntakeCommand.self, InboxCommand.self, LogCommand.self, AckCommand.self,
            IdentityCommand.self, ClarifyCommand.self,
            ExtendCommand.self, ForwardCommand.self, NotifyRecipientsCommand.self, AnswerCommand.self,
            WithdrawCommand.self, AssignCommand.self, NoteCommand.self, CloseCommand.self, ReopenCommand.self,
            ReplyRouteCommand.self, LetterCommand.self, DutiesCommand.self, DutyCommand.self,
            ShowCommand.self, ListCommand.self, OverdueCommand.self, FindCommand.self, VerifyCommand.self,
            InfoCommand.self, ImportCommand.self, ExportCommand.self, PurgeCommand.self, BackupCommand.self,
            RestoreCommand.self, MigrateCommand.self,
            SubjectCommand.self, UserCommand.self, KeygenCommand.self, DemoCommand.self, DeadlineCommand.self,
            CalendarCommand.self, PolicyCommand.self, ServeCommand.self, TokenCommand.self, SummaryCommand.self,
        ]
    )

    public init() {}

    /// Reads the server's configuration file (`ConfigFile`), parses the arguments and runs the
    /// command; domain errors end the process with a one-line message on standard error and
    /// their documented exit code.
    public static func runMain(arguments: [String]? = nil) {
        do {
            try ConfigFile.apply()
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let failure as CommandFailure {
            failure.report()
        } catch let malformed as ConfigFile.Malformed {
            CommandFailure(message: malformed.description, exitCode: CommandFailure.badInput).report()
        } catch let error where AppError(error) != nil {
            CommandFailure(AppError(error)!).report()
        } catch {
            // Argument errors keep argument-parser's codes (64 usage, ExitCode as given);
            // anything else unexpected is an internal error, not "overdue" (1).
            if exitCode(for: error) == .failure, !(error is ExitCode) {
                CommandFailure(message: "internal error: \(error)", exitCode: CommandFailure.internalError).report()
            }
            exit(withError: error)
        }
    }
}

/// A failure the CLI reports as one line on standard error with a sysexits-style code.
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32

    static let badInput: Int32 = 65
    static let ioError: Int32 = 74
    static let internalError: Int32 = 70
    static let notPermitted: Int32 = 77
    static let temporaryFailure: Int32 = 75

    init(message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }

    /// The exit code of each kind of application error (sysexits; an unknown case is bad
    /// input, as it always was).
    init(_ error: AppError) {
        let code: Int32 =
            switch error.kind {
            case .notPermitted: Self.notPermitted
            case .badInput, .conflict, .notFound: Self.badInput
            case .io: Self.ioError
            case .internal: Self.internalError
            case .unavailable: Self.temporaryFailure
            }
        // Where a vault key is missing, say how the command line takes one.
        let hint =
            error.message.hasSuffix("needs the vault key: this database seals personal data")
            ? "; give it with --vault-key FILE or DSR_VAULT_KEY_FILE" : ""
        self.init(message: error.message + hint, exitCode: code)
    }

    /// Prints `dsr: message` to standard error and exits.
    func report() -> Never {
        FileHandle.standardError.write(Data("dsr: \(message)\n".utf8))
        Foundation.exit(exitCode)
    }
}

extension OrderedJSONEncoder {
    /// Prints the JSON of `value` on standard output.
    static func print(_ value: some Encodable) throws {
        FileHandle.standardOutput.write(try line(value))
    }
}
