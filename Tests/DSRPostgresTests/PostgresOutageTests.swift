import DSRPostgres
import DSRTestSupport
import Foundation
import Testing

/// PostgreSQL restarted under a connected link: requests in flight fail as unavailable, the
/// link connects again by itself, and a transaction cut off leaves nothing behind.
@Suite("PostgreSQL outages", .enabled(if: TestDatabase.enabled, TestDatabase.skipReason), .serialized)
struct PostgresOutageTests {
    @Test func aLinkFailsWhileTheServerIsDownAndReconnectsAfter() throws {
        let cluster = try PrivateCluster.start()
        defer { cluster.stop() }
        let link = try PostgresLink.connect(cluster.url, logger: TestDatabase.logger)
        defer { link.close() }
        #expect(try link.query("SELECT 1").first?.decode(Int.self) == 1)
        try cluster.halt()
        let failure = #expect(throws: PostgresFailure.self) { try link.query("SELECT 1") }
        #expect(failure?.kind == .unavailable, "\(String(describing: failure))")
        #expect(failure?.description.contains("\n") == false)
        try cluster.resume()
        #expect(try link.query("SELECT 2").first?.decode(Int.self) == 2)
    }

    @Test func aTransactionCutOffByARestartLeavesNothingAndTheLinkRecovers() throws {
        let cluster = try PrivateCluster.start()
        defer { cluster.stop() }
        let link = try PostgresLink.connect(cluster.url, logger: TestDatabase.logger)
        defer { link.close() }
        try link.execute(script: "CREATE TABLE written (n integer)")
        let failure = #expect(throws: PostgresFailure.self) {
            try link.transaction { link in
                try link.query("INSERT INTO written VALUES (1)")
                try cluster.halt()
                try link.query("INSERT INTO written VALUES (2)")
            }
        }
        #expect(failure?.kind == .unavailable, "\(String(describing: failure))")
        try cluster.resume()
        #expect(try link.query("SELECT count(*) FROM written").first?.decode(Int.self) == 0)
        _ = try link.transaction { try $0.query("INSERT INTO written VALUES (3)") }
        #expect(try link.query("SELECT count(*) FROM written").first?.decode(Int.self) == 1)
    }
}
