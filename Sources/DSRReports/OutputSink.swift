import Foundation

/// Text written to a file or standard output through a 64 KiB buffer, so a report of any
/// size streams out in constant memory.
final class OutputSink {
    private let handle: FileHandle
    private let ownsHandle: Bool
    private var buffer = Data()
    private static let flushSize = 1 << 16

    /// Opens `path` for writing (created or truncated, mode 0600); `-` is standard output.
    init(path: String) throws {
        if path == "-" {
            handle = .standardOutput
            ownsHandle = false
        } else {
            handle = try PrivateFile.open(path)
            ownsHandle = true
        }
        buffer.reserveCapacity(Self.flushSize * 2)
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushSize { try flush() }
    }

    func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes what is buffered; closes the file when done with it.
    func finish() throws {
        try flush()
        if ownsHandle { try handle.close() }
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// What can go wrong writing a report or a letter.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    case cannotWrite(String)
    /// A template folder or file that cannot be read.
    case cannotRead(String)
    /// A letter template that cannot be used (syntax, unknown variable), by file and line.
    case template(file: String, line: Int, message: String)
    /// A letter that must not be produced as the case stands (never quotes personal data).
    case letterRefused(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path): "\(path): cannot write"
        case .cannotRead(let path): "\(path): cannot read"
        case .template(let file, let line, let message): "\(file):\(line): \(message)"
        case .letterRefused(let reason): reason
        }
    }
}
