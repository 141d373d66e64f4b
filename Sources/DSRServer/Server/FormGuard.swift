import DSRApp
import HTTPTypes
import Hummingbird

/// The checks a state-changing request passes before anything is done: it comes from this
/// site's own pages (`Sec-Fetch-Site`, else `Origin`), and it carries the form token of the
/// session, compared in constant time.
struct FormGuard: Sendable {
    /// The origin of the public URL, when one is configured.
    let publicOrigin: String?

    /// Whether the browser says the request came from another site. `Sec-Fetch-Site` is
    /// believed when sent; `Origin: null` (sent under `Referrer-Policy: no-referrer`) leaves
    /// the decision to the token.
    func isCrossSite(_ request: Request) -> Bool {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!] {
            return site != "same-origin" && site != "none"
        }
        guard let origin = request.headers[HTTPField.Name("Origin")!], origin != "null" else { return false }
        if let publicOrigin { return origin != publicOrigin }
        guard let host = request.headers[HTTPField.Name("Host")!] else { return true }
        return origin != "http://\(host)" && origin != "https://\(host)"
    }

    /// Whether a form's token equals the expected one (constant time in the length).
    static func tokensMatch(_ given: String?, _ expected: String) -> Bool {
        guard let given else { return false }
        return ConstantTime.equal(given, expected)
    }
}
