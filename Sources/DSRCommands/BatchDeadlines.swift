import DSRApp
import DSRCore
import Foundation

/// `dsr deadline --batch`: reads one moment per line and writes one JSON object per line, in
/// constant memory — input is read and output written in fixed-size blocks.
struct BatchDeadlines {
    let engine: DeadlineEngine
    let kind: RequestKind
    let claimantDue: CivilDate?
    let now: Instant

    /// Lines longer than this are reported as errors without being buffered whole.
    static let maximumLineLength = 1024
    static let blockSize = 1 << 16

    /// Processes the file at `path` (`-`: standard input). Returns whether any line was bad.
    func run(path: String) throws -> Bool {
        let descriptor: Int32 = path == "-" ? STDIN_FILENO : open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CommandFailure(
                message: "\(path): cannot read: \(String(cString: strerror(errno)))",
                exitCode: CommandFailure.ioError)
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }

        let input = TimeInput(zone: engine.zone)
        var output = JSONWriter(capacity: Self.blockSize * 2)
        var line: [UInt8] = []
        line.reserveCapacity(Self.maximumLineLength)
        var lineNumber = 0
        var overlong = false
        var hadErrors = false
        var block = [UInt8](repeating: 0, count: Self.blockSize)

        func finishLine() throws {
            lineNumber += 1
            if overlong {
                writeError(line: lineNumber, message: "line longer than \(Self.maximumLineLength) bytes", to: &output)
                hadErrors = true
            } else {
                do {
                    try process(line, input: input, to: &output)
                } catch let error as DSRCoreError {
                    writeError(line: lineNumber, message: error.description, to: &output)
                    hadErrors = true
                }
            }
            line.removeAll(keepingCapacity: true)
            overlong = false
            if output.buffer.count >= Self.blockSize { try flush(&output) }
        }

        while true {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, Self.blockSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CommandFailure(
                    message: "\(path): read failed: \(String(cString: strerror(errno)))",
                    exitCode: CommandFailure.ioError)
            }
            if count == 0 { break }
            var start = 0
            for index in 0..<count where block[index] == 0x0A {
                append(block[start..<index], to: &line, overlong: &overlong)
                try finishLine()
                start = index + 1
            }
            append(block[start..<count], to: &line, overlong: &overlong)
        }
        if !line.isEmpty || overlong { try finishLine() }
        try flush(&output)
        return hadErrors
    }

    /// Computes one line's schedule and writes its JSON object.
    private func process(_ line: [UInt8], input: TimeInput, to output: inout JSONWriter) throws {
        let received = try line.withUnsafeBufferPointer { try input.instant(from: $0, now: now) }
        let schedule = try engine.schedule(
            DeadlineFacts(received: received, kind: kind, claimantDue: claimantDue), at: now)
        output.beginObject()
        output.scheduleFields(schedule, zone: engine.zone)
        output.endObject()
        output.newline()
    }

    private func writeError(line: Int, message: String, to output: inout JSONWriter) {
        output.beginObject()
        output.key("line")
        output.integer(line)
        output.key("error")
        output.string(message)
        output.endObject()
        output.newline()
    }

    private func append(_ bytes: ArraySlice<UInt8>, to line: inout [UInt8], overlong: inout Bool) {
        guard !overlong else { return }
        if line.count + bytes.count > Self.maximumLineLength {
            overlong = true
        } else {
            line.append(contentsOf: bytes)
        }
    }

    /// Writes the buffered output to standard output and empties the buffer.
    private func flush(_ output: inout JSONWriter) throws {
        var written = 0
        let total = output.buffer.count
        try output.buffer.withUnsafeBytes { buffer in
            while written < total {
                let result = write(STDOUT_FILENO, buffer.baseAddress! + written, total - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw CommandFailure(
                        message: "cannot write output: \(String(cString: strerror(errno)))",
                        exitCode: CommandFailure.ioError)
                }
                written += result
            }
        }
        output.reset()
    }
}
