import Crypto
import DSRCore
import Foundation

/// Time-based one-time codes (TOTP, RFC 6238): HMAC-SHA1 over 30-second steps, six digits,
/// as authenticator apps make them; the secret is written in base32 (RFC 4648).
public enum OneTimeCode {
    public static let digits = 6
    public static let stepSeconds: Int64 = 30

    /// A new secret of 20 random bytes, in base32.
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return base32(Data((0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) }))
    }

    /// The code of a secret at a moment.
    public static func code(secret: String, at moment: Instant) -> String? {
        guard let key = bytes(base32: secret) else { return nil }
        return code(key: key, counter: UInt64(max(0, moment.secondsSinceEpoch) / stepSeconds))
    }

    /// The time step whose code `code` is: the step of `moment` or one either side (clock
    /// drift); nil if it is none of them.
    static func step(of code: String, secret: String, at moment: Instant) -> Int64? {
        let typed = code.filter { !$0.isWhitespace }
        guard typed.count == digits, typed.allSatisfy(\.isASCII), let key = bytes(base32: secret) else { return nil }
        let step = max(0, moment.secondsSinceEpoch) / stepSeconds
        return [step - 1, step, step + 1].first {
            ConstantTime.equal(Self.code(key: key, counter: UInt64(max(0, $0))), typed)
        }
    }

    /// Whether `code` is the secret's code at `moment` or one step either side.
    static func verify(_ code: String, secret: String, at moment: Instant) -> Bool {
        step(of: code, secret: secret, at: moment) != nil
    }

    /// The `otpauth://` address authenticator apps read (typed in or as a QR code).
    public static func address(secret: String, login: String, issuer: String = "dsr") -> String {
        let label = "\(issuer):\(login)".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? login
        return "otpauth://totp/\(label)?secret=\(secret)&issuer=\(issuer)&digits=\(digits)&period=\(stepSeconds)"
    }

    /// RFC 4226 §5.3: HMAC-SHA1 of the big-endian counter, dynamically truncated.
    static func code(key: Data, counter: UInt64) -> String {
        var big = counter.bigEndian
        let message = withUnsafeBytes(of: &big) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let value =
            (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8)
            | UInt32(mac[offset + 3])
        let text = String(value % 1_000_000)
        return String(repeating: "0", count: digits - text.count) + text
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    static func base32(_ data: Data) -> String {
        var output = ""
        var buffer: UInt32 = 0
        var bits = 0
        for byte in data {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)])
                bits -= 5
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return output
    }

    static func bytes(base32 text: String) -> Data? {
        var data = Data()
        var buffer: UInt32 = 0
        var bits = 0
        for character in text.uppercased() where character != "=" && character != " " {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | UInt32(value)
            bits += 5
            if bits >= 8 {
                data.append(UInt8((buffer >> UInt32(bits - 8)) & 0xff))
                bits -= 8
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        return data.isEmpty ? nil : data
    }
}

/// Comparing secrets (form tokens, one-time codes) in time that depends on their length only.
public enum ConstantTime {
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
