import DSRApp
import DSRCore
import DSRMail
import Foundation
import Logging
import ServiceLifecycle

/// `dsr serve --maildir DIR`: takes in each message delivered to the Maildir's `new/` once,
/// then moves it to `cur/` (after its item is committed). A file that is no readable message
/// is moved aside into the folder `.dsr-unreadable` and shown as an unreadable item, so it is
/// never lost and never read again. Looks every few seconds; stops on shutdown.
public struct MaildirWatcher: Service {
    let directory: URL
    let tracker: Tracker
    let logger: Logger
    let interval: Duration

    public init(directory: URL, tracker: Tracker, logger: Logger, interval: Duration = .seconds(5)) {
        self.directory = directory
        self.tracker = tracker
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        logger.notice("watching a Maildir for intake", metadata: ["folder": "\(directory.path)"])
        var stuck: Set<String> = []
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            await takeInNewMessages(skipping: &stuck)
            try? await Task.sleep(for: interval)
        }
    }

    /// One pass over `new/`. A message whose file cannot be moved after it was taken in is
    /// remembered in `stuck` so that it is not taken in again every pass.
    func takeInNewMessages(skipping stuck: inout Set<String>) async {
        let entries: [MaildirEntry]
        do {
            entries = try Maildir.newEntries(in: directory)
        } catch {
            logger.error("cannot read the Maildir", metadata: ["folder": "\(directory.path)"])
            return
        }
        for entry in entries where !stuck.contains(entry.uniqueName) {
            do {
                try await takeIn(entry)
            } catch let error as AppError where [.io, .internal, .unavailable].contains(error.kind) {
                // The database is the problem, not the message: it stays in new/ for the next pass.
                logger.error("intake paused", metadata: ["reason": "\(error.message)"])
                return
            } catch {
                logger.error("cannot move a message file", metadata: ["file": "\(entry.uniqueName)"])
                stuck.insert(entry.uniqueName)
            }
        }
    }

    /// Takes in one message and moves its file: to `cur/` once taken, aside if unreadable.
    private func takeIn(_ entry: MaildirEntry) async throws {
        let delivered = entry.deliveredAt.map { ReceiptCandidate(source: .maildirDelivery, at: $0) }
        let found = try IntakeSource.message(at: entry.url, origin: .maildir, delivered: delivered)
        let session = try tracker.mailIntakeSession(now: Instant(Date()))
        let outcome = try await session.perform { session in
            try found.refusal.map { IntakeOutcome.refused($0) }
                ?? session.takeIn(message: found.bytes, origin: .maildir, delivered: delivered)
        }
        switch outcome {
        case .taken(let item):
            _ = try Maildir.markSeen(entry)
            logger.info("took in a message", metadata: ["item": "\(item.id)"])
        case .duplicate(let item):
            _ = try Maildir.markSeen(entry)
            logger.info("message already taken in", metadata: ["item": "\(item.id)"])
        case .refused(let reason):
            let (sha256, size) = try IntakeSource.sha256(of: entry.url)
            let item = try await session.perform {
                try $0.recordUnreadable(sha256: sha256, size: size, origin: .maildir, reason: reason)
            }
            _ = try Maildir.moveAside(entry, in: directory)
            logger.warning(
                "unreadable message moved aside",
                metadata: ["item": "\(item.id)", "file": "\(entry.uniqueName)", "reason": "\(reason)"])
        }
    }
}
