import Foundation

/// Reads small files whole, with POSIX calls, so that errors carry the system's reason
/// (`No such file or directory`) in a message that names the file.
enum FileBytes {
    /// The bytes of the file at `path`; refuses files larger than `limit`.
    static func read(_ path: String, limit: Int) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw DSRXMLError.tooLarge(file: path, limit: limit) }
        }
    }

    private static func failure(_ path: String) -> DSRXMLError {
        .unreadable(file: path, reason: String(cString: strerror(errno)))
    }
}
