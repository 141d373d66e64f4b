import ArgumentParser
import DSRApp
import DSRCore

/// `dsr reply-route CASE --via email|post|channel [--contact TEXT]`: the person asked to be
/// answered another way than through the channel they wrote through (the city's
/// social-media concept offers e-mail and post); letters follow it.
struct ReplyRouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply-route", abstract: "Record how the person wants to be answered (letters follow it).")

    @OptionGroup var step: StepOptions

    @Option(
        name: .long,
        help: ArgumentHelp("email, post, or channel (the one the request came through).", valueName: "route"))
    var via: String

    @Option(name: .long, help: ArgumentHelp("The address to answer to (- reads standard input).", valueName: "text"))
    var contact: String?

    func validate() throws {
        guard via == "channel" || [.email, .post].contains(Channel(name: via)) else {
            throw ValidationError("--via takes email, post or channel (the one the request came through)")
        }
    }

    func run() throws {
        let contactText = try PersonalText.read(contact, field: .contact, option: "--contact")
        let route = via == "channel" ? nil : Channel(name: via)
        try step.record { _ in .replyRoute(via: route, contact: contactText) }
    }
}
