import HTTPTypes
import Hummingbird

/// The context of one request: Hummingbird's core storage (its logger carries the request id
/// that a 500 page shows).
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// The request's id, as the log line and the error page name it.
    var requestID: String { logger[metadataKey: "hb.request.id"].map { "\($0)" } ?? "-" }
}
