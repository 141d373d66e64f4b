import DSRApp
import DSRReports
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// `dsr serve`: the web application over an open tracker. SIGTERM and SIGINT stop it taking
/// connections and let requests in flight finish (at most 10 seconds) before it returns, and
/// the caller closes the database.
public struct WebServer: Sendable {
    let app: WebApp
    let logger: Logger

    public init(tracker: Tracker, settings: ServerSettings, letters: LetterTemplates, logger: Logger) throws {
        app = WebApp(tracker: tracker, pages: try Pages(), settings: settings, letters: letters)
        self.logger = logger
    }

    /// The routes, behind the middleware that sets the headers and renders error pages.
    func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.middlewares.add(PageGuardMiddleware(pages: app.pages))
        SignInRoutes.add(to: router, app: app)
        ListRoutes.add(to: router, app: app)
        CaseRoutes.add(to: router, app: app)
        InboxRoutes.add(to: router, app: app)
        APIRoutes.add(to: router, app: app)
        StepRoutes.add(to: router, app: app)
        DPORoutes.add(to: router, app: app)
        SubjectRoutes.add(to: router, app: app)
        CalendarRoutes.add(to: router, app: app)
        LetterRoutes.add(to: router, app: app)
        ToolRoutes.add(to: router, app: app)
        return router
    }

    /// Serves until SIGTERM or SIGINT, with `companions` (the Maildir watcher) running beside
    /// and stopped with it; `onRunning` gets the port (useful with port 0).
    public func run(
        companions: [any Service] = [], onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let application = Application(
            router: router(),
            // A connection idle for a minute is closed; at most 512 at once (an office, not the internet).
            server: .http1(configuration: .init(idleTimeout: .seconds(60))),
            configuration: ApplicationConfiguration(
                address: .hostname(app.settings.host, port: app.settings.port), serverName: nil,
                availableConnectionsDelegate: MaximumAvailableConnections(512)),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
        var configuration = ServiceGroupConfiguration(
            services: [application] + companions, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(10)
        try await ServiceGroup(configuration: configuration).run()
    }
}
