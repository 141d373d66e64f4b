import Dispatch

extension Session {
    /// The queue the use cases of async callers run on: their SQLite reads and fsync'd writes
    /// block a thread, and that must not be one of Swift concurrency's few cooperative threads.
    private static let useCases = DispatchQueue(label: "dsr.use-cases", attributes: .concurrent)

    /// Runs a use case for an async caller (the web server) without blocking its threads:
    /// `session.perform { try $0.overdueCases(at: $0.now) }`. Writers still queue for the one
    /// SQLite writer; readers run side by side on the store's pool.
    public func perform<Result: Sendable>(
        _ useCase: @escaping @Sendable (Session) throws -> Result
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Self.useCases.async {
                continuation.resume(with: Swift.Result { try useCase(self) })
            }
        }
    }
}
