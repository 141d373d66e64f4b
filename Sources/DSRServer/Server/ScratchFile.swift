import DSRApp
import Foundation
import Hummingbird

/// A file of the server's own in the temporary folder, for the use cases that write to a path
/// (reports, the calendar feed): written, read back into memory, removed.
enum ScratchFile {
    /// The bytes `write` wrote to a new scratch file, which is removed afterwards.
    static func bytes(_ write: (String) async throws -> Void) async throws -> ByteBuffer {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dsr-\(RandomToken.make(bytes: 12))")
        defer { try? FileManager.default.removeItem(at: file) }
        try await write(file.path)
        return ByteBuffer(bytes: try Data(contentsOf: file))
    }
}
