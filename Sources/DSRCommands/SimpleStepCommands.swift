import ArgumentParser
import DSRApp
import DSRCore

/// `dsr ack CASE`: receipt was acknowledged to the person.
struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack", abstract: "Record that receipt was acknowledged.")
    @OptionGroup var step: StepOptions
    func run() throws { try step.record { _ in .acknowledge } }
}

/// `dsr notify-recipients CASE`: the recipients of the data were told (Art. 19 GDPR).
struct NotifyRecipientsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify-recipients",
        abstract: "Record that the recipients were told of a rectification, erasure or restriction (Art. 19).")
    @OptionGroup var step: StepOptions
    func run() throws { try step.record { _ in .notifyRecipients } }
}

/// `dsr withdraw CASE`: the person withdrew the request.
struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw", abstract: "Record that the person withdrew the request.")
    @OptionGroup var step: StepOptions
    func run() throws { try step.record { _ in .withdraw } }
}

/// `dsr close CASE`: all requests are answered (or withdrawn); the case is done.
struct CloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a case whose requests are all answered.")
    @OptionGroup var step: StepOptions
    func run() throws { try step.record { _ in .close } }
}

/// `dsr reopen CASE`: a closed or withdrawn case is worked on again.
struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a closed case.")
    @OptionGroup var step: StepOptions
    func run() throws { try step.record { _ in .reopen } }
}

/// `dsr identity request|confirm CASE`: proof of identity asked for (the clock stops) and
/// received (it runs again).
struct IdentityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identity", abstract: "Record an identity check (stops the clock while waiting).",
        subcommands: [Request.self, Confirm.self])

    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "request", abstract: "Proof of identity was asked for.")
        @OptionGroup var step: StepOptions
        func run() throws { try step.record { _ in .requestIdentity } }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirm", abstract: "Identity was confirmed (record \"checked\", keep no copy).")
        @OptionGroup var step: StepOptions
        func run() throws { try step.record { _ in .confirmIdentity } }
    }
}

/// `dsr clarify request|receive CASE`: the person was asked to clarify the request (the
/// clock stops) and answered (it runs again).
struct ClarifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clarify", abstract: "Record a request for clarification (stops the clock while waiting).",
        subcommands: [Request.self, Receive.self])

    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "request", abstract: "The person was asked to clarify or narrow the request.")
        @OptionGroup var step: StepOptions
        func run() throws { try step.record { _ in .requestClarification } }
    }

    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "receive", abstract: "The clarification arrived.")
        @OptionGroup var step: StepOptions
        func run() throws { try step.record { _ in .receiveClarification } }
    }
}
