import Foundation
import Logging

/// A fixed set of links to one database shared by a process's threads: a request takes a free
/// link (waiting while all are busy) and gives it back when done. Each link reconnects by
/// itself after an outage (`PostgresLink`).
final class PostgresLinks: @unchecked Sendable {
    let url: PostgresURL
    private let logger: Logger
    private let condition = NSCondition()
    /// Links not in use; guarded by `condition`.
    private var free: [PostgresLink] = []
    /// How many links are open (free or in use); guarded by `condition`.
    private var opened = 0
    private let capacity: Int

    /// Connects the first link at once, so a wrong address or password fails here, in one line.
    init(url: PostgresURL, capacity: Int, logger: Logger) throws {
        self.url = url
        self.capacity = max(1, capacity)
        self.logger = logger
        free = [try PostgresLink.connect(url, logger: logger)]
        opened = 1
    }

    /// Runs `body` with a link of its own.
    @discardableResult
    func with<T>(_ body: (PostgresLink) throws -> T) throws -> T {
        let link = try take()
        defer { give(link) }
        return try body(link)
    }

    /// A new link outside the set, for a caller that closes it (verification's readers).
    func connectExtra() throws -> PostgresLink {
        try PostgresLink.connect(url, logger: logger)
    }

    private func take() throws -> PostgresLink {
        condition.lock()
        while free.isEmpty && opened >= capacity { condition.wait() }
        if let link = free.popLast() {
            condition.unlock()
            return link
        }
        opened += 1
        condition.unlock()
        do {
            return try PostgresLink.connect(url, logger: logger)
        } catch {
            condition.lock()
            opened -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func give(_ link: PostgresLink) {
        condition.lock()
        free.append(link)
        condition.signal()
        condition.unlock()
    }

    /// Closes every free link.
    func close() {
        condition.lock()
        let links = free
        free = []
        opened -= links.count
        condition.unlock()
        for link in links { link.close() }
    }
}
