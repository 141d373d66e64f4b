import DSRCore
import DSRLedger
import DSRTestSupport
import Foundation
import Testing

@testable import DSRPostgres

/// Sealing names at rest on PostgreSQL: a record adopts a vault key once, whichever servers
/// start with it, and without the key the sealed texts stay unreadable.
@Suite("PostgreSQL vault", .enabled(if: TestDatabase.enabled, TestDatabase.skipReason), .serialized)
struct PostgresVaultTests {
    @Test func twoServersAdoptANewKeyOnceAndOnlyTheKeyOpensTheTexts() throws {
        try PostgresChainTests.withChain(cases: 3) { database, server in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dsr-vault-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let keyFile = folder.appendingPathComponent("vault.key").path
            try VaultKey.create(at: keyFile)
            let key = try VaultKey(file: keyFile)
            let stores = try [0, 1].map { _ in try PostgresStore(url: database.serverURL, vaultKey: key) }
            #expect(stores.allSatisfy { $0.vaultKeyAwaitsAdoption })
            DispatchQueue.concurrentPerform(iterations: 2) { index in try? stores[index].adoptVaultKey() }
            #expect(stores.allSatisfy { $0.vaultState == (sealed: true, readable: true) })
            let sealed = try server.query("SELECT bool_and(sealed), count(*) FROM vault").first?.decode(
                (Bool, Int).self)
            #expect(sealed?.0 == true && sealed?.1 == 6)
            #expect(
                try server.query("SELECT count(*) FROM setting WHERE key = \(Vault.fingerprintSetting)").first?
                    .decode(Int.self) == 1)

            let personal = try stores[0].personalData(of: CaseID(year: 2026, number: 2))
            #expect(personal.byEvent.values.contains { $0[.subject] == .text("Erika Fiktiv 2") })
            #expect(try stores[1].verify(parallelism: 2).isIntact)

            let withoutKey = try PostgresStore(url: database.serverURL)
            #expect(withoutKey.vaultState == (sealed: true, readable: false))
            let unreadable = try withoutKey.personalData(of: CaseID(year: 2026, number: 2))
            #expect(unreadable.byEvent.values.contains { $0[.subject] == .sealed })
            for store in stores + [withoutKey] { store.closeConnections() }
        }
    }
}
