import HTTPTypes
import Hummingbird
import NIOCore

/// The context of one request: Hummingbird's core storage (its logger carries the request id
/// that a 500 page shows).
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The IP address of the peer that sent the request (the reverse proxy, if there is one).
    let peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The request's id, as the log line and the error page name it.
    var requestID: String { logger[metadataKey: "hb.request.id"].map { "\($0)" } ?? "-" }
}
