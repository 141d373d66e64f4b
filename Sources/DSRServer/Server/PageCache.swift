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
        let path: String
        let version: Int64
        let minute: Int64
    }

    /// How many pages it keeps at most.
    static let capacity = 256
    private let pages = Mutex<[Key: String]>([:])

    /// The page for `key`, built by `render` unless it is kept already.
    func page(_ key: Key, render: () async throws -> String) async throws -> String {
        if let html = pages.withLock({ $0[key] }) { return html }
        let html = try await render()
        pages.withLock { pages in
            if pages.count >= Self.capacity {
                // Pages of an older version or minute are never asked for again; drop them first.
                pages = pages.filter { $0.key.version == key.version && $0.key.minute == key.minute }
                if pages.count >= Self.capacity { pages.removeAll() }
            }
            pages[key] = html
        }
        return html
    }
}
