import Crypto
import DSRLedger
import Foundation
import Testing

@Suite("Hash chain primitives")
struct ChainTests {
    func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { Array(Chain.hmacSHA256(key: keyBytes, message: $0)) }
        }
    }

    @Test("HMAC-SHA-256 matches RFC 4231 test cases 1, 2 and 6 (long key)")
    func rfc4231() {
        #expect(
            Data(hmac(key: Array(repeating: 0x0b, count: 20), message: Array("Hi There".utf8))).hexString
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(
            Data(hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))).hexString
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(
            Data(
                hmac(
                    key: Array(repeating: 0xaa, count: 131),
                    message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
            ).hexString
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test("HMAC-SHA-256 equals swift-crypto's HMAC on random keys and messages")
    func agreesWithSwiftCrypto() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 31, 32, 55, 64, 65, 1000] {
            let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let reference = Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
            #expect(hmac(key: key, message: message) == reference)
        }
    }
}
