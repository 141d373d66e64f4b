import Foundation

/// Unguessable tokens (session ids, form tokens, generated passwords): 32 bytes from the
/// system's cryptographic random source, URL-safe base64 without padding.
public enum RandomToken {
    /// A new token of `bytes` random bytes.
    public static func make(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
