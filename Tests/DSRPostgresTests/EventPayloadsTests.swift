import Testing

@testable import DSRPostgres

@Suite("The event payloads kept for the vault check")
struct EventPayloadsTests {
    @Test func findsEachRecordedPayloadByItsEventAndNothingForOthers() {
        let payloads = EventPayloads()
        let recorded: [(Int64, String)] = [(2, "{\"a\":1}"), (3, ""), (7, String(repeating: "x", count: 5_000))]
        for (id, payload) in recorded {
            Array(payload.utf8).withUnsafeBytes { payloads.record(id: id, payload: $0) }
        }
        for (id, payload) in recorded {
            #expect(String(decoding: payloads.payload(of: id), as: UTF8.self) == payload)
        }
        for missing: Int64 in [1, 4, 8] {
            #expect(payloads.payload(of: missing).isEmpty)
        }
    }
}
