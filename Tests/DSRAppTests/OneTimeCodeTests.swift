import DSRCore
import Foundation
import Testing

@testable import DSRApp

/// TOTP against the test vectors of RFC 6238, Appendix B (SHA-1, the last six of the eight digits).
@Suite("One-time codes")
struct OneTimeCodeTests {
    /// The RFC's SHA-1 key, ASCII "12345678901234567890", in base32.
    static let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

    @Test(
        "the RFC 6238 vectors",
        arguments: [
            (59, "287082"), (1_111_111_109, "081804"), (1_111_111_111, "050471"), (1_234_567_890, "005924"),
            (2_000_000_000, "279037"), (20_000_000_000, "353130"),
        ])
    func vectors(seconds: Int64, code: String) {
        #expect(OneTimeCode.code(secret: Self.secret, at: Instant(secondsSinceEpoch: seconds)) == code)
    }

    @Test("base32 reads what it writes; a code is accepted one step either side, not two")
    func verify() {
        #expect(OneTimeCode.bytes(base32: Self.secret) == Data("12345678901234567890".utf8))
        let secret = OneTimeCode.newSecret()
        #expect(secret.count == 32)
        #expect(OneTimeCode.base32(OneTimeCode.bytes(base32: secret)!) == secret)
        let now = Instant(secondsSinceEpoch: 1_800_000_000)
        let code = OneTimeCode.code(secret: secret, at: now)!
        #expect(OneTimeCode.verify(code, secret: secret, at: Instant(secondsSinceEpoch: 1_800_000_029)))
        #expect(OneTimeCode.verify(code, secret: secret, at: Instant(secondsSinceEpoch: 1_800_000_030)))
        #expect(!OneTimeCode.verify(code, secret: secret, at: Instant(secondsSinceEpoch: 1_800_000_090)))
        #expect(!OneTimeCode.verify("12345", secret: secret, at: now))
        #expect(!OneTimeCode.verify("abcdef", secret: secret, at: now))
    }
}
