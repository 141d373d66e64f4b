import DSRCore
import Foundation

/// A personal text of an event as a backend stores it: its key for the commitment, and its
/// content, plain or sealed.
package struct VaultRecord: Sendable {
    package let eventID: Int64
    package let field: PersonalField
    package let key: Data
    package let content: Data
    package let sealed: Bool
}

/// An event linked into the chain: the domain record, its canonical payload, the hash of the
/// event before and its own, and its vault records — the rows a backend inserts.
package struct LinkedEvent: Sendable {
    package let record: EventRecord
    package let payload: String
    package let prevHash: Data
    package let hash: Data
    package let vaultRecords: [VaultRecord]
}

/// Links events into the hash chain, whatever database stores them: assigns the next id,
/// commits to the personal data (HMAC under a key of its own), stores it as the vault keeps
/// it (plain or sealed), and hashes the canonical bytes after the previous hash. Keeps the
/// head in memory, so a bulk import links many events after one head read.
package struct ChainLinker {
    /// The id and hash of the last event linked (0 and the genesis hash for an empty chain).
    package private(set) var lastEventID: Int64
    package private(set) var lastHash: Data
    private let vault: Vault
    private var canonical = JSONWriter(capacity: 1024)

    /// A linker after the chain head `lastEventID`/`lastHash` (nil: an empty chain), storing
    /// personal data as `vault` keeps it.
    package init(after head: (lastEventID: Int64, hash: Data)?, vault: Vault) {
        lastEventID = head?.lastEventID ?? 0
        lastHash = head?.hash ?? Chain.genesis
        self.vault = vault
    }

    /// Links one event with its personal data as the next in the chain.
    package mutating func link(
        _ event: Event, to caseID: CaseID, personal: [PersonalField: String], occurredAt: Instant,
        recordedAt: Instant, actor: String
    ) throws -> LinkedEvent {
        let id = lastEventID + 1
        var commitments: [PersonalField: String] = [:]
        var vaultRecords: [VaultRecord] = []
        for (field, text) in personal {
            let (key, commitment) = Chain.commit(text)
            commitments[field] = commitment
            let (content, sealed) = try vault.store(text, eventID: id, field: field)
            vaultRecords.append(VaultRecord(eventID: id, field: field, key: key, content: content, sealed: sealed))
        }
        let payload = EventCodec.payload(event, commitments: commitments)
        canonical.reset()
        var texts = (caseID.rawValue, event.kind, actor, payload)
        texts.0.withUTF8 { caseBytes in
            texts.1.withUTF8 { kindBytes in
                texts.2.withUTF8 { actorBytes in
                    texts.3.withUTF8 { payloadBytes in
                        EventCodec.canonical(
                            id: id, caseID: UnsafeRawBufferPointer(caseBytes), kind: UnsafeRawBufferPointer(kindBytes),
                            occurredAt: occurredAt.secondsSinceEpoch, recordedAt: recordedAt.secondsSinceEpoch,
                            actor: UnsafeRawBufferPointer(actorBytes), payload: UnsafeRawBufferPointer(payloadBytes),
                            into: &canonical)
                    }
                }
            }
        }
        let hash = lastHash.withUnsafeBytes { Data(Chain.hash(previous: $0, canonical: canonical.buffer)) }
        let linked = LinkedEvent(
            record: EventRecord(
                id: EventID(id), caseID: caseID, event: event, commitments: commitments, occurredAt: occurredAt,
                recordedAt: recordedAt, actor: actor),
            payload: payload, prevHash: lastHash, hash: hash, vaultRecords: vaultRecords)
        lastEventID = id
        lastHash = hash
        return linked
    }
}
