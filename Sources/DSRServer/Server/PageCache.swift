import DSRCore
import Synchronization

/// The rendered start page and case lists, kept per session, page and record version for at
/// most a minute: the supervisor's views read every open case, and a page is only built again
/// when the record changed (any write, by any process, gives a new version) or the minute
/// passed (statuses and office hours move with the clock). Keyed by the session, so a page
/// never reaches another user; bounded, so memory stays flat.
final class PageCache: Sendable {
    struct Key: Hashable {
        let session: String
        /// The language and the URI (path and query) of the page.
        let path: String
        let version: Int64
        let minute: Int64
    }

    /// How many pages it keeps at most.
    static let capacity = 256
    /// Each page once built, or being built: requests that arrive meanwhile wait for the one
    /// build instead of each building it again (at the turn of a minute, sixteen at once).
    private let pages = Mutex<[Key: Task<String, any Error>]>([:])

    /// The page for `key`, built by `render` unless it is kept or being built already.
    func page(_ key: Key, render: @escaping @Sendable () async throws -> String) async throws -> String {
        let task = pages.withLock { pages in
            if let task = pages[key] { return task }
            if pages.count >= Self.capacity {
                // Pages of an older version or minute are never asked for again; drop them first.
                pages = pages.filter { $0.key.version == key.version && $0.key.minute == key.minute }
                if pages.count >= Self.capacity { pages.removeAll() }
            }
            let task = Task { try await render() }
            pages[key] = task
            return task
        }
        do {
            return try await task.value
        } catch {
            // A failed build (a refusal, bad input) is not kept.
            _ = pages.withLock { $0.removeValue(forKey: key) }
            throw error
        }
    }
}
