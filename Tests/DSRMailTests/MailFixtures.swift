import DSRCore
import DSRMail
import Foundation

/// The fixture set in `Fixtures/mail`, read from the repository this file lives in.
enum MailFixtures {
    /// `Fixtures/mail` of the repository.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/mail")

    /// The names of the fixture messages (`*.eml`), sorted.
    static var messageNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted()
    }

    /// The bytes of a fixture file.
    static func bytes(_ name: String) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else {
            fatalError("fixture \(name) is missing")
        }
        return [UInt8](data)
    }

    /// A fixture message, parsed with the standard limits.
    static func message(_ name: String) throws -> MailMessage { try MailParser.parse(bytes(name)) }

    /// An instant as `ISOFormat.utc` writes it, for comparing.
    static func utc(_ instant: Instant?) -> String? { instant.map(ISOFormat.utc) }

    /// The bytes of a text (UTF-8).
    static func bytes(of text: String) -> [UInt8] { Array(text.utf8) }
}
