import Foundation

/// Files that may hold personal data (reports, letters): readable by their owner only, from
/// the first byte on.
public enum PrivateFile {
    /// Opens `path` for writing, created with mode 0600 or truncated (and narrowed to 0600).
    public static func open(_ path: String) throws -> FileHandle {
        let descriptor = Foundation.open(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ReportError.cannotWrite(path) }
        guard fchmod(descriptor, 0o600) == 0 else {
            close(descriptor)
            throw ReportError.cannotWrite(path)
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}
