import HTTPTypes
import Hummingbird

/// The cookies `dsr serve` sets: the session id after sign-in, and the sign-in form's own
/// token before it. Both `HttpOnly`, `SameSite=Strict`, `Path=/`, and `Secure` over https.
struct SessionCookie: Sendable {
    static let session = "dsr_session"
    static let signInForm = "dsr_signin"

    let secure: Bool

    /// `Set-Cookie` for a value that lives as long as the browser (the server ends sessions).
    func set(_ name: String, to value: String) -> String {
        "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// `Set-Cookie` that removes a cookie.
    func clear(_ name: String) -> String {
        "\(name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// A cookie's value in a request, if it is there and looks like one of our tokens.
    static func value(_ name: String, in request: Request) -> String? {
        guard let value = request.cookies[name]?.value, (20...100).contains(value.count),
            value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return nil }
        return value
    }
}
