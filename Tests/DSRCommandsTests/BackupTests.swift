import DSRTestSupport
import Foundation
import Testing

@Suite("dsr backup and restore")
struct BackupTests {
    @Test("a backup taken while 4 writers are busy opens, verifies and holds every case committed before it began")
    func backupUnderLoad() async throws {
        let db = TempDatabase()
        defer { db.remove() }
        _ = try db.run(["init"])
        for index in 0..<10 { _ = try db.run(ReliabilityTests.logArguments(900 + index)) }
        let backup = db.folder.appendingPathComponent("backup.sqlite")
        let committedBefore = try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    for index in 0..<15 { _ = try db.run(ReliabilityTests.logArguments(writer * 100 + index)) }
                    return 0
                }
            }
            try await Task.sleep(for: .milliseconds(600))
            let before = Int(try db.sqlite("SELECT COUNT(*) FROM caseProjection")) ?? 0
            let result = try db.run(["backup", backup.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("SHA-256: "))
            _ = try await group.reduce(0, +)
            return before
        }
        let copy = TempDatabase()
        defer { copy.remove() }
        try FileManager.default.copyItem(atPath: backup.path, toPath: copy.path)
        #expect(try copy.run(["verify"]).status == 0)
        #expect(Int(try copy.sqlite("SELECT COUNT(*) FROM caseProjection")) ?? 0 >= committedBefore)
        #expect(try db.sqlite("SELECT COUNT(*) FROM event WHERE kind = 'backed-up'") == "1")
        #expect(try db.run(["backup", backup.path]).status == 74)  // never overwritten
    }

    @Test("restore checks the backup first and keeps the old file")
    func restore() throws {
        let db = TempDatabase()
        defer { db.remove() }
        _ = try db.run(ReliabilityTests.logArguments(1))
        let backup = db.folder.appendingPathComponent("b.sqlite").path
        #expect(try db.run(["backup", backup]).status == 0)
        _ = try db.run(ReliabilityTests.logArguments(2))
        // A damaged backup is refused and nothing changes.
        let damaged = db.folder.appendingPathComponent("damaged.sqlite").path
        try FileManager.default.copyItem(atPath: backup, toPath: damaged)
        let tamper = TempDatabase(path: damaged)
        _ = try tamper.sqlite("UPDATE event SET actor = 'x' WHERE id = 1")
        let refused = try db.run(["restore", damaged])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("its chain does not verify"))
        let garbage = db.folder.appendingPathComponent("garbage.sqlite").path
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: garbage))
        #expect(try db.run(["restore", garbage]).status == 65)
        #expect(try db.sqlite("SELECT COUNT(*) FROM caseProjection") == "2")
        // A good one replaces the database; the old one is kept.
        let restored = try db.run(["restore", backup])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try db.sqlite("SELECT COUNT(*) FROM caseProjection") == "1")
        let kept = try FileManager.default.contentsOfDirectory(atPath: db.folder.path).filter {
            $0.contains("before-restore") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm")
        }
        #expect(kept.count == 1)
        #expect(
            try TempDatabase(path: db.folder.appendingPathComponent(kept[0]).path).sqlite(
                "SELECT COUNT(*) FROM caseProjection") == "2")
    }
}
