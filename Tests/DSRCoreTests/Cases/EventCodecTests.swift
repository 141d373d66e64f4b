import DSRCore
import Foundation
import Testing

@Suite("Event codec")
struct EventCodecTests {
    static let instant = Instant(secondsSinceEpoch: 1_780_000_000)
    static let events: [Event] = [
        .received(
            kinds: [.access, .erasure], channel: .facebook, claimantDue: nil,
            policyHash: String(repeating: "a", count: 64)),
        .received(
            kinds: [.injunction], channel: .post, claimantDue: CivilDate(year: 2026, month: 2, day: 14), policyHash: "b"
        ),
        .acknowledged, .identityRequested, .identityConfirmed, .clarificationRequested, .clarificationReceived,
        .extended(notifiedAt: instant), .forwarded(to: "meta"), .recipientsNotified,
        .answered(kind: .erasure, outcome: .partial, basis: "§ 12 LDSG RLP \"Abs. 1\" \\ \u{2028} \u{1F600} \t"),
        .answered(kind: .access, outcome: .noData, basis: nil), .withdrawn, .assigned(to: "o'brien"), .noteAdded,
        .closed, .reopened,
        .purged(records: 3), .backedUp(sha256: String(repeating: "c", count: 64)),
        .exported(
            format: "html", from: CivilDate(year: 2026, month: 1, day: 1)!,
            to: CivilDate(year: 2026, month: 12, day: 31)!),
        .letterProduced(
            template: "eingangsbestaetigung", format: "html", route: .email, sha256: String(repeating: "d", count: 64)),
        .replyRouteSet(via: .post),
        .dutyDone(duty: "datenschutz-post", channel: "facebook", link: "https://example.org/p?a=1&b=\"2\""),
        .dutyDone(duty: "datenschutz-hinweis", channel: "homepage", link: nil),
        .rectified(replaces: [.subject: String(repeating: "7a", count: 32)]),
        .rectified(replaces: [:]),
    ]

    @Test("every event survives payload and decode, with its commitments", arguments: events)
    func roundTrip(event: Event) throws {
        let commitments: [PersonalField: String] = [
            .subject: String(repeating: "0f", count: 32), .note: String(repeating: "e1", count: 32),
        ]
        let payload = EventCodec.payload(event, commitments: commitments)
        let (decoded, decodedCommitments) = try EventCodec.decode(kind: event.kind, payload: payload)
        #expect(decoded == event)
        #expect(decodedCommitments == commitments)
        // The payload is standard JSON that Foundation reads too.
        #expect(try JSONSerialization.jsonObject(with: Data(payload.utf8)) is [String: Any])
    }

    @Test("a commitment is read from \"personal\" only, never from the \"replaces\" object after it")
    func commitmentIgnoresReplaces() throws {
        let old = String(repeating: "01", count: 32)
        let new = String(repeating: "02", count: 32)
        let payload = EventCodec.payload(
            .rectified(replaces: [.subject: old, .contact: old]), commitments: [.subject: new])
        func commitment(_ field: PersonalField) -> String? {
            var text = payload
            return text.withUTF8 { EventCodec.commitment(to: field, inPayload: UnsafeRawBufferPointer($0)) }
        }
        #expect(commitment(.subject) == new)
        #expect(commitment(.contact) == nil, "the old contact's HMAC in \"replaces\" is no commitment of this event")
    }

    @Test(
        "malformed payloads are corrupt records, not crashes",
        arguments: [
            "", "{", "{\"kinds\":[1]}", "[]", "{\"channel\":\"email\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"x\"} trailing",
        ])
    func malformed(payload: String) {
        #expect(throws: DSRCoreError.self) { try EventCodec.decode(kind: "received", payload: payload) }
    }

    @Test("payload keys are sorted")
    func sortedKeys() {
        let payload = EventCodec.payload(
            .answered(kind: .access, outcome: .refused, basis: "§ 12 LDSG RLP"),
            commitments: [.reason: "ab", .contact: "cd"])
        #expect(
            payload
                == #"{"basis":"§ 12 LDSG RLP","kind":"access","outcome":"refused","personal":{"contact":"cd","reason":"ab"}}"#
        )
    }

    @Test("the canonical form is the documented JSON")
    func canonical() {
        var writer = JSONWriter()
        let payload = EventCodec.payload(.forwarded(to: "meta"), commitments: [:])
        var texts = ("2026-00001", "forwarded", "müller", payload)
        texts.0.withUTF8 { caseID in
            texts.1.withUTF8 { kind in
                texts.2.withUTF8 { actor in
                    texts.3.withUTF8 { payload in
                        EventCodec.canonical(
                            id: 7, caseID: UnsafeRawBufferPointer(caseID), kind: UnsafeRawBufferPointer(kind),
                            occurredAt: 1_780_000_000, recordedAt: 1_780_000_060, actor: UnsafeRawBufferPointer(actor),
                            payload: UnsafeRawBufferPointer(payload), into: &writer)
                    }
                }
            }
        }
        #expect(
            writer.text
                == #"{"actor":"müller","case":"2026-00001","id":7,"kind":"forwarded","occurred_at":"2026-05-28T20:26:40Z","payload":{"to":"meta"},"recorded_at":"2026-05-28T20:27:40Z"}"#
        )
    }
}
