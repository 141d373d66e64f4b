import DSRCore
import DSRMail
import Foundation
import Testing

/// Mutated fixtures must come back as a message or a refusal: no trap, no hang.
@Suite("Fuzzing the reader with mutated fixtures")
struct FuzzTests {
    /// Fragments that make structure: boundaries, headers, encoded words, escapes, mbox lines.
    private static let fragments: [String] = [
        "\r\n", "\n\n", "\r\n\r\n", "--", "\r\n--", "--\r\n", ":", ";", "=", "=?", "?=", "=?utf-8?B?", "=?utf-8?Q?",
        "=\r\n", "=C3", "%", "'", "\"", "(", ")", "<", ">", "&#x", "&auml;", "<br>", "<script>", "<!--",
        "Content-Type: multipart/mixed; boundary=\"x\"\r\n", "Content-Type: message/rfc822\r\n\r\n",
        "Content-Type: text/html; charset=utf-8\r\n", "Content-Transfer-Encoding: base64\r\n",
        "Content-Transfer-Encoding: quoted-printable\r\n", "Content-Disposition: attachment; filename*0*=utf-8''%C3",
        "Received: by mx1.kaiserslautern.de; 1 Dec 2026 09:12 +0100\r\n", "Date: 99999999999999999999 Dec\r\n",
        "\r\n--x\r\n", "\r\n--x--\r\n", "From ", "\n\nFrom a Tue Dec  1 09:12:03 2026\n", ">From ", "\u{0}",
        "\u{FF}\u{FE}",
    ]

    /// The known refusals: one line each, no personal data.
    private static let reasons: Set<String> = [
        "the file is empty", "the file is not a mail message", "the message is larger than 25 MiB",
        "MIME parts nest deeper than 20 levels", "the message has more than 500 MIME parts",
        "a header line is longer than 64 KiB", "a header has more than 10000 fields",
    ]

    /// How many inputs to try in all: `DSR_FUZZ_COUNT`, else 3,000.
    private static var count: Int {
        ProcessInfo.processInfo.environment["DSR_FUZZ_COUNT"].flatMap { Int($0) } ?? 3000
    }

    /// The fixture files to mutate: every message and both mboxes, with the boundaries they use.
    private static var seeds: [[UInt8]] {
        (MailFixtures.messageNames + ["requests.mbox", "crlf.mbox"]).map { MailFixtures.bytes($0) }
    }

    @Test("mutated fixtures parse or are refused with a known reason")
    func mutatedFixtures() {
        var generator = SeededGenerator(seed: 0x6473_722D_6D61_696C)
        let seeds = Self.seeds
        var read = 0
        var refused = 0
        for round in 0..<Self.count {
            let input = mutate(seeds[round % seeds.count], using: &generator)
            do {
                _ = try MailParser.parse(input)
                read += 1
            } catch {
                #expect(Self.reasons.contains(error.reason), "unexpected refusal \(error.reason)")
                refused += 1
            }
            for entry in Mbox.entries(in: Data(input)).prefix(5) {
                _ = try? MailParser.parse(entry.bytes)
            }
        }
        #expect(read + refused == Self.count)
        #expect(read > Self.count / 2, "the mutations should mostly leave mail readable")
    }

    @Test("random bytes are refused or read, never more")
    func randomBytes() {
        var generator = SeededGenerator(seed: 42)
        for length in stride(from: 0, to: 4000, by: 7) {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = try? MailParser.parse(bytes)
            _ = Array(Mbox.entries(in: Data(bytes)))
        }
    }

    /// One to four mutations of a seed: byte flips, truncation, a duplicated or removed range,
    /// an inserted fragment.
    private func mutate(_ seed: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = seed
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
            let length = Int.random(in: 1...64, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0:
                for index in position..<min(bytes.count, position + length) where Bool.random(using: &generator) {
                    bytes[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
                }
            case 1:
                bytes.removeSubrange(position..<bytes.count)
            case 2:
                let range = position..<min(bytes.count, position + length * 8)
                let target = Int.random(in: 0...bytes.count, using: &generator)
                bytes.insert(contentsOf: Array(bytes[range]), at: target)
            case 3:
                bytes.removeSubrange(position..<min(bytes.count, position + length))
            case 4:
                let fragment = Self.fragments.randomElement(using: &generator) ?? ""
                bytes.insert(contentsOf: Array(fragment.utf8), at: position)
            default:
                let boundaries = boundaryLines(in: seed)
                if let boundary = boundaries.randomElement(using: &generator) {
                    bytes.insert(contentsOf: boundary, at: position)
                }
            }
        }
        return bytes
    }

    /// The delimiter lines of the boundaries a seed declares (`boundary="…"`).
    private func boundaryLines(in seed: [UInt8]) -> [[UInt8]] {
        let text = String(decoding: seed, as: UTF8.self)
        return text.components(separatedBy: "boundary=\"").dropFirst().compactMap { rest in
            rest.split(separator: "\"", maxSplits: 1).first.map { Array("\r\n--\($0)\r\n".utf8) }
        }
    }
}
