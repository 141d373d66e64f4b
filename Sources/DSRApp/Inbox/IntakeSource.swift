import Crypto
import DSRCore
import DSRLedger
import DSRMail
import Foundation

/// One message found at a path `dsr intake` was given: its bytes, how it came, and when the
/// mail system delivered it (the Maildir file's time, the mbox `From ` line), if known.
public struct FoundMessage: Sendable {
    /// Where it was found, for messages (`box.mbox #3`, a file path): never personal data.
    public let place: String
    public let bytes: [UInt8]
    public let origin: InboxOrigin
    public let delivered: ReceiptCandidate?
    /// Why the file was not even read (larger than a message may be); its bytes are then empty.
    public let refusal: String?
}

/// Finds the messages in files, mbox files and Maildir folders, one at a time, so that ten
/// thousand messages never sit in memory together.
public enum IntakeSource {
    /// Calls `body` with each message at `path`: every message of a Maildir (`new/` and
    /// `cur/`), each of an mbox, or the file as one message. A message file larger than a
    /// message may be is passed on unread, with the refusal.
    public static func forEachMessage(
        at path: String, mboxVariant: MboxVariant = .mboxrd, _ body: (FoundMessage) throws -> Void
    ) throws {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw AppError(.io, "\(path): no such file or folder")
        }
        if isDirectory.boolValue {
            guard Maildir.isMaildir(url) else {
                throw AppError(.badInput, "\(path): a folder must be a Maildir (with cur/ and new/)")
            }
            for entry in try AppError.mapping({ try Maildir.entries(in: url) }) {
                let delivered = entry.deliveredAt.map { ReceiptCandidate(source: .maildirDelivery, at: $0) }
                try body(try message(at: entry.url, origin: .maildir, delivered: delivered))
            }
            return
        }
        let data = try readData(url)
        if Mbox.looksLikeMbox(data.prefix(5)) {
            for (index, entry) in Mbox.entries(in: data, variant: mboxVariant).enumerated() {
                let delivered = entry.fromLineDate.map { ReceiptCandidate(source: .mboxFromLine, at: $0) }
                try body(
                    FoundMessage(
                        place: "\(path) #\(index + 1)", bytes: entry.bytes, origin: .mbox, delivered: delivered,
                        refusal: nil))
            }
        } else {
            try body(try message(at: url, origin: .file, delivered: nil))
        }
    }

    /// One message file, unread if it is larger than a message may be.
    public static func message(at url: URL, origin: InboxOrigin, delivered: ReceiptCandidate?) throws -> FoundMessage {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let limit = MailLimits.standard.maxBytes
        guard size <= limit else {
            return FoundMessage(
                place: url.path, bytes: [], origin: origin, delivered: delivered,
                refusal: "the message is larger than \(limit / 1024 / 1024) MiB")
        }
        return FoundMessage(
            place: url.path, bytes: [UInt8](try readData(url)), origin: origin, delivered: delivered, refusal: nil)
    }

    /// SHA-256 (hex) and size of a file, read a mebibyte at a time (for files too large to be
    /// a message).
    public static func sha256(of url: URL) throws -> (hex: String, size: Int) {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw AppError(.io, "\(url.path): cannot read the file")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            size += chunk.count
        }
        return (hasher.finalize().withUnsafeBytes { Chain.hex($0) }, size)
    }

    /// A file's bytes (mapped, not copied, until a message is taken from it).
    private static func readData(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw AppError(.io, "\(url.path): cannot read the file")
        }
    }
}
