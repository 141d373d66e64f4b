import Foundation
import HTTPTypes

/// How `dsr serve` listens and how it is reached: the address it binds, the public URL people
/// open (behind a TLS reverse proxy), and whether cookies are marked `Secure`.
public struct ServerSettings: Sendable {
    public let host: String
    public let port: Int
    /// The URL people open, if a reverse proxy is in front (`https://dsr.example.de`).
    public let publicURL: URL?
    /// Whether every account must sign in with a one-time code as well (`--require-totp`):
    /// one without a second factor reaches only its account page, to set one up.
    public let requireSecondFactor: Bool
    /// A reverse proxy that authenticates people itself (Kerberos, SAML, OIDC) and names the
    /// login in a header; only requests from its address are believed.
    public let trustedProxy: TrustedProxy?

    /// A reverse proxy believed for the login it names.
    public struct TrustedProxy: Sendable {
        public let header: HTTPField.Name
        public let address: String
    }

    /// Reads `--listen HOST:PORT` and `--public-url URL`: a non-loopback address needs an
    /// `https://` public URL (a TLS proxy in front), since sessions must not cross a network in clear.
    public init(
        listen: String, publicURL: String?, requireSecondFactor: Bool = false, trustedHeader: String? = nil,
        trustedProxy: String? = nil
    ) throws {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65_535).contains(port)
        else { throw ServerSettingsError("--listen wants HOST:PORT, such as 127.0.0.1:8080") }
        var host = String(listen[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw ServerSettingsError("--listen wants HOST:PORT, such as 127.0.0.1:8080") }
        var url: URL?
        if let publicURL {
            guard let parsed = URL(string: publicURL), ["http", "https"].contains(parsed.scheme ?? ""),
                parsed.host?.isEmpty == false, parsed.query == nil, parsed.user == nil
            else { throw ServerSettingsError("--public-url wants an address such as https://dsr.example.de") }
            url = parsed
        }
        if !Self.isLoopback(host), url?.scheme != "https" {
            throw ServerSettingsError(
                "dsr serve listens on a loopback address unless --public-url is an https:// URL (a TLS reverse proxy in front)"
            )
        }
        self.host = host
        self.port = port
        self.publicURL = url
        self.requireSecondFactor = requireSecondFactor
        switch (trustedHeader, trustedProxy) {
        case (nil, nil): self.trustedProxy = nil
        case (let header?, let address?):
            guard let name = HTTPField.Name(header), !address.isEmpty, address.unicodeScalars.allSatisfy({ $0.isASCII })
            else { throw ServerSettingsError("--trusted-header wants a header name and --trusted-proxy an IP address") }
            self.trustedProxy = TrustedProxy(header: name, address: address)
        default: throw ServerSettingsError("--trusted-header and --trusted-proxy go together")
        }
    }

    /// Whether cookies carry `Secure`: whenever people reach the server over https.
    var secureCookies: Bool { publicURL?.scheme == "https" }

    /// The origin browsers send for this site's forms, when a public URL says it.
    var publicOrigin: String? {
        guard let publicURL, let scheme = publicURL.scheme, let host = publicURL.host else { return nil }
        return "\(scheme)://\(host)" + (publicURL.port.map { ":\($0)" } ?? "")
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// A wrong `--listen` or `--public-url`.
public struct ServerSettingsError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
