import DSRCore
import Foundation

/// One message file of a Maildir.
public struct MaildirEntry: Sendable, Equatable {
    /// The file.
    public var url: URL
    /// Whether it is in `new/` (else `cur/`).
    public var isNew: Bool
    /// The file name before `:2,`.
    public var uniqueName: String
    /// The flag letters after `:2,` (empty for `new/`).
    public var flags: String
    /// When it was delivered: the file's modification time.
    public var deliveredAt: Instant?

    /// An entry with the given file, folder, name parts and delivery time.
    public init(url: URL, isNew: Bool, uniqueName: String, flags: String, deliveredAt: Instant?) {
        self.url = url
        self.isNew = isNew
        self.uniqueName = uniqueName
        self.flags = flags
        self.deliveredAt = deliveredAt
    }
}

/// Reading a Maildir (as Dovecot and Postfix write it): `new/` and `cur/` of message files,
/// `tmp/` for deliveries under way.
public enum Maildir {
    /// The folder unreadable messages are moved into (a Maildir++ subfolder).
    static let asideFolder = ".dsr-unreadable"
    private static let infoSeparator = ":2,"

    /// Whether a directory is a Maildir: it has `cur/` and `new/` (`tmp/` is optional).
    public static func isMaildir(_ directory: URL) -> Bool {
        ["cur", "new"].allSatisfy { isDirectory(directory.appendingPathComponent($0)) }
    }

    /// Messages in new/ and cur/, oldest delivery first (ties by name); skips dot files and tmp/.
    public static func entries(in directory: URL) throws -> [MaildirEntry] {
        try sorted(files(in: directory, new: true) + files(in: directory, new: false))
    }

    /// Only new/ (for a watcher), oldest delivery first.
    public static func newEntries(in directory: URL) throws -> [MaildirEntry] {
        try sorted(files(in: directory, new: true))
    }

    /// Moves a message from new/ to cur/ with ":2,S" (Maildir convention; keeps existing flags, adds
    /// S). Returns the new URL. A message already in `cur/` with `S` stays where it is.
    public static func markSeen(_ entry: MaildirEntry) throws -> URL {
        let root = entry.url.deletingLastPathComponent().deletingLastPathComponent()
        let flags = String(Set(entry.flags + "S").sorted())
        let target = root.appendingPathComponent("cur").appendingPathComponent(entry.uniqueName + infoSeparator + flags)
        guard target.standardizedFileURL.path != entry.url.standardizedFileURL.path else { return entry.url }
        try FileManager.default.moveItem(at: entry.url, to: target)
        return target
    }

    /// Moves an unreadable message aside into the Maildir++ subfolder `.dsr-unreadable` (created
    /// with cur/ new/ tmp/, mode 0700, and its `maildirfolder` marker) under `cur/`, keeping its
    /// name; returns the new URL.
    public static func moveAside(_ entry: MaildirEntry, in directory: URL) throws -> URL {
        let folder = directory.appendingPathComponent(asideFolder)
        let manager = FileManager.default
        for path in [folder] + ["cur", "new", "tmp"].map(folder.appendingPathComponent) where !isDirectory(path) {
            try manager.createDirectory(
                at: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let marker = folder.appendingPathComponent("maildirfolder")
        if !manager.fileExists(atPath: marker.path) {
            _ = manager.createFile(atPath: marker.path, contents: Data(), attributes: [.posixPermissions: 0o600])
        }
        let target = folder.appendingPathComponent("cur").appendingPathComponent(entry.url.lastPathComponent)
        try manager.moveItem(at: entry.url, to: target)
        return target
    }

    /// The message files of `new/` or `cur/`: regular files whose names do not start with a dot.
    private static func files(in directory: URL, new: Bool) throws -> [MaildirEntry] {
        let folder = directory.appendingPathComponent(new ? "new" : "cur")
        let keys: [URLResourceKey] = [.isRegularFileKey, .contentModificationDateKey]
        let urls = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: keys)
        return try urls.compactMap { url in
            let name = url.lastPathComponent
            let values = try url.resourceValues(forKeys: Set(keys))
            guard !name.hasPrefix("."), values.isRegularFile == true else { return nil }
            let info = name.range(of: infoSeparator)
            return MaildirEntry(
                url: url, isNew: new, uniqueName: info.map { String(name[..<$0.lowerBound]) } ?? name,
                flags: new ? "" : info.map { String(name[$0.upperBound...]) } ?? "",
                deliveredAt: values.contentModificationDate.map { Instant($0) })
        }
    }

    /// Entries oldest delivery first (unknown times last), ties by file name.
    private static func sorted(_ entries: [MaildirEntry]) -> [MaildirEntry] {
        entries.sorted { left, right in
            let leftTime = left.deliveredAt?.secondsSinceEpoch ?? .max
            let rightTime = right.deliveredAt?.secondsSinceEpoch ?? .max
            if leftTime != rightTime { return leftTime < rightTime }
            return left.url.lastPathComponent < right.url.lastPathComponent
        }
    }

    /// Whether a path is an existing directory.
    private static func isDirectory(_ url: URL) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &directory) && directory.boolValue
    }
}
