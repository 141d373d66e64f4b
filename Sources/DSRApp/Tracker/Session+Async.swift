import Dispatch

/// The queue the use cases of async callers run on: their SQLite reads, fsync'd writes and
/// bcrypt block a thread, and that must not be one of Swift concurrency's few cooperative threads.
enum UseCaseQueue {
    private static let queue = DispatchQueue(label: "dsr.use-cases", attributes: .concurrent)

    static func run<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Swift.Result { try body() }) }
        }
    }
}

extension Session {
    /// Runs a use case for an async caller (the web server) without blocking its threads:
    /// `session.perform { try $0.overdueCases(at: $0.now) }`. Writers still queue for the one
    /// SQLite writer; readers run side by side on the store's pool.
    public func perform<Result: Sendable>(
        _ useCase: @escaping @Sendable (Session) throws -> Result
    ) async throws -> Result {
        try await UseCaseQueue.run { try useCase(self) }
    }
}

extension Tracker {
    /// Runs work on the tracker (sign-in, opening a session) for an async caller, off its threads.
    public func perform<Result: Sendable>(
        _ work: @escaping @Sendable (Tracker) throws -> Result
    ) async throws -> Result {
        try await UseCaseQueue.run { try work(self) }
    }
}
