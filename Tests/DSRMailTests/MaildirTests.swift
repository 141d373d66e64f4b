import DSRCore
import DSRMail
import Foundation
import Testing

@Suite("Maildir")
struct MaildirTests {
    private static let names = [
        "1796112723.M12P345.mail,S=292,W=300", "1796199100.M7P345.mail,S=292,W=300",
        "1796285500.M1P346.mail,S=292,W=300",
    ]

    /// A copy of the fixture Maildir in a fresh temporary directory, its files' modification
    /// times set to the delivery times in their names.
    private func copy() throws -> URL {
        let manager = FileManager.default
        let directory = manager.temporaryDirectory.appendingPathComponent("dsr-maildir-\(UUID().uuidString)")
        try manager.copyItem(at: MailFixtures.directory.appendingPathComponent("maildir"), to: directory)
        for folder in ["cur", "new"] {
            let url = directory.appendingPathComponent(folder)
            for name in try manager.contentsOfDirectory(atPath: url.path) where !name.hasPrefix(".") {
                let seconds = Double(name.prefix { $0 != "." }) ?? 0
                try manager.setAttributes(
                    [.modificationDate: Date(timeIntervalSince1970: seconds)],
                    ofItemAtPath: url.appendingPathComponent(name).path)
            }
        }
        return directory
    }

    @Test("entries of new/ and cur/, oldest first, dot files skipped")
    func entries() throws {
        let directory = try copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(Maildir.isMaildir(directory))
        #expect(!Maildir.isMaildir(MailFixtures.directory))
        let entries = try Maildir.entries(in: directory)
        #expect(entries.map(\.uniqueName) == Self.names)
        #expect(entries.map(\.flags) == ["S", "RS", ""])
        #expect(entries.map(\.isNew) == [false, false, true])
        #expect(entries.map(\.deliveredAt?.secondsSinceEpoch) == [1_796_112_723, 1_796_199_100, 1_796_285_500])
        #expect(try Maildir.newEntries(in: directory).map(\.uniqueName) == [Self.names[2]])
        let message = try MailParser.parse([UInt8](try Data(contentsOf: entries[0].url)))
        #expect(message.subject == "Eins")
    }

    @Test("the checked-out fixture reads too")
    func fixture() throws {
        let entries = try Maildir.entries(in: MailFixtures.directory.appendingPathComponent("maildir"))
        #expect(Set(entries.map(\.uniqueName)) == Set(Self.names))
        #expect(entries.allSatisfy { $0.deliveredAt != nil })
    }

    @Test("ties in delivery time go by name")
    func ties() throws {
        let directory = try copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        for entry in try Maildir.entries(in: directory) {
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSince1970: 1_796_000_000)], ofItemAtPath: entry.url.path)
        }
        #expect(
            try Maildir.entries(in: directory).map(\.url.lastPathComponent) == [
                "1796112723.M12P345.mail,S=292,W=300:2,S", "1796199100.M7P345.mail,S=292,W=300:2,RS",
                "1796285500.M1P346.mail,S=292,W=300",
            ])
    }

    @Test("markSeen moves new/ to cur/ with S, keeps flags in order, leaves a seen one alone")
    func markSeen() throws {
        let directory = try copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let entries = try Maildir.entries(in: directory)
        let seen = try Maildir.markSeen(entries[2])
        #expect(seen.deletingLastPathComponent().lastPathComponent == "cur")
        #expect(seen.lastPathComponent == Self.names[2] + ":2,S")
        #expect(FileManager.default.fileExists(atPath: seen.path))
        #expect(try Maildir.newEntries(in: directory).isEmpty)
        #expect(try Maildir.markSeen(entries[1]) == entries[1].url)
        var flagged = entries[0]
        let renamed = directory.appendingPathComponent("cur/\(flagged.uniqueName):2,F")
        try FileManager.default.moveItem(at: flagged.url, to: renamed)
        flagged.url = renamed
        flagged.flags = "F"
        #expect(try Maildir.markSeen(flagged).lastPathComponent == flagged.uniqueName + ":2,FS")
    }

    @Test("moveAside puts a message into .dsr-unreadable/cur, a Maildir++ folder of mode 0700")
    func moveAside() throws {
        let directory = try copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let entry = try Maildir.entries(in: directory)[1]
        let moved = try Maildir.moveAside(entry, in: directory)
        let folder = directory.appendingPathComponent(".dsr-unreadable")
        #expect(moved == folder.appendingPathComponent("cur").appendingPathComponent(entry.url.lastPathComponent))
        #expect(FileManager.default.fileExists(atPath: moved.path))
        #expect(Maildir.isMaildir(folder))
        for path in [folder] + ["cur", "new", "tmp"].map(folder.appendingPathComponent) {
            let mode = try FileManager.default.attributesOfItem(atPath: path.path)[.posixPermissions] as? Int
            #expect(mode == 0o700, "\(path.lastPathComponent)")
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("maildirfolder").path))
        #expect(try Maildir.entries(in: directory).map(\.uniqueName) == [Self.names[0], Self.names[2]])
        let second = try Maildir.moveAside(try Maildir.entries(in: directory)[0], in: directory)
        #expect(second.deletingLastPathComponent() == moved.deletingLastPathComponent())
    }
}
