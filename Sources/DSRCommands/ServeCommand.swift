import ArgumentParser
import DSRApp
import DSRCore
import DSRMail
import DSRServer
import Dispatch
import Foundation
import Synchronization

/// `dsr serve`: the web application for the whole office, over the same database the
/// command line uses (both may write at once).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web application (clerks, supervisor and DPO sign in with their staff accounts).",
        discussion: """
            Listens on 127.0.0.1:8080 unless --listen says otherwise; a non-loopback address needs \
            --public-url https://… (a TLS reverse proxy in front). Set passwords with \
            `dsr user password LOGIN`. SIGTERM or SIGINT lets requests in flight finish (at most \
            10 seconds) and closes the database. With --maildir, messages delivered to that Maildir \
            (by fetchmail, getmail, Dovecot or Postfix) are taken into the inbox within seconds and \
            moved from new/ to cur/; unreadable ones go to its folder .dsr-unreadable.
            """)

    @Option(name: .long, help: ArgumentHelp("Address and port to listen on ($DSR_LISTEN).", valueName: "host:port"))
    var listen = Setting.value("DSR_LISTEN") ?? "127.0.0.1:8080"

    @Option(
        name: .customLong("public-url"),
        help: ArgumentHelp(
            "The https:// URL people open, when a reverse proxy is in front ($DSR_PUBLIC_URL).", valueName: "url"))
    var publicURL: String?

    @Flag(
        name: .customLong("require-totp"),
        help: "Every account signs in with a one-time code too, set up on the account page ($DSR_REQUIRE_TOTP=yes).")
    var requireTOTP = Setting.flag("DSR_REQUIRE_TOTP")

    @Option(
        name: .customLong("trusted-header"),
        help: ArgumentHelp(
            "Single sign-on: the header in which a reverse proxy that authenticated the person names the login ($DSR_TRUSTED_HEADER).",
            valueName: "name"))
    var trustedHeader: String?

    @Option(
        name: .customLong("trusted-proxy"),
        help: ArgumentHelp(
            "The IP address of that proxy; only its requests are believed ($DSR_TRUSTED_PROXY).", valueName: "address"))
    var trustedProxy: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Take in every message delivered to this Maildir, its new/ folder ($DSR_MAILDIR).", valueName: "dir"))
    var maildir: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var templates: TemplateOptions

    func run() throws {
        let settings: ServerSettings
        do {
            settings = try ServerSettings(
                listen: listen, publicURL: publicURL ?? Setting.value("DSR_PUBLIC_URL"),
                requireSecondFactor: requireTOTP, trustedHeader: trustedHeader ?? Setting.value("DSR_TRUSTED_HEADER"),
                trustedProxy: trustedProxy ?? Setting.value("DSR_TRUSTED_PROXY"))
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: ExitCode.validationFailure.rawValue)
        }
        let maildirURL = (maildir ?? Setting.value("DSR_MAILDIR")).map { URL(fileURLWithPath: $0) }
        if let maildirURL, !Maildir.isMaildir(maildirURL) {
            throw CommandFailure(
                message: "\(maildirURL.path): not a Maildir (it needs cur/ and new/)",
                exitCode: ExitCode.validationFailure.rawValue)
        }
        let logger = Diagnostics.logger(verbose: store.verbose, floor: .notice)
        let tracker = try Tracker.open(
            try store.configuration(policy: policy), actor: ProcessOwner.login, now: Instant(Date()))
        let server = try WebServer(
            tracker: tracker, settings: settings, letters: try templates.load(besidePolicy: policy.policy),
            logger: logger)
        let failure = Mutex<(any Error)?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Task {
            do {
                let watchers =
                    maildirURL.map { [MaildirWatcher(directory: $0, tracker: tracker, logger: logger)] } ?? []
                try await server.run(companions: watchers) { port in
                    FileHandle.standardError.write(
                        Data("dsr serve: listening on http://\(settings.host):\(port)\n".utf8))
                }
            } catch {
                failure.withLock { $0 = error }
            }
            finished.signal()
        }
        finished.wait()
        if let error = failure.withLock({ $0 }) {
            throw CommandFailure(message: "the server stopped: \(type(of: error))", exitCode: CommandFailure.ioError)
        }
    }
}
