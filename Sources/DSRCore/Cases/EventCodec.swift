/// The canonical text of events: what the hash chain commits to, what the store keeps, and
/// what exports carry, so anyone can re-verify the chain with standard tools.
///
/// An event's canonical form is compact JSON with the keys in this order:
/// `{"actor":…,"case":…,"id":…,"kind":…,"occurred_at":…,"payload":{…},"recorded_at":…}`.
/// Instants are UTC (`2026-01-31T09:00:00Z`); the payload's keys are sorted; personal data
/// appears only as `"personal":{"subject":"<HMAC hex>",…}`. Its hash is
/// `SHA-256(previous hash (32 bytes, zeros for the first event) ‖ canonical UTF-8 bytes)`.
public enum EventCodec {
    /// The payload of an event: its facts and the commitments to its personal data.
    public static func payload(_ event: Event, commitments: [PersonalField: String]) -> String {
        var json = JSONWriter()
        json.beginObject()
        switch event {
        case .received(let kinds, let channel, let claimantDue, let policyHash):
            json.key("channel")
            json.string(channel.rawValue)
            if let claimantDue {
                json.key("claimant_due")
                json.date(claimantDue)
            }
            json.key("kinds")
            json.beginArray()
            for kind in kinds { json.string(kind.rawValue) }
            json.endArray()
            personal(commitments, into: &json)
            json.key("policy")
            json.string(policyHash)
        case .extended(let notifiedAt):
            json.key("notified_at")
            json.utc(notifiedAt)
            personal(commitments, into: &json)
        case .backedUp(let sha256):
            personal(commitments, into: &json)
            json.key("sha256")
            json.string(sha256)
        case .purged(let records):
            personal(commitments, into: &json)
            json.key("records")
            json.integer(records)
        case .exported(let format, let from, let to):
            json.key("format")
            json.string(format)
            json.key("from")
            json.date(from)
            personal(commitments, into: &json)
            json.key("personal_data")
            json.bool(true)
            json.key("to")
            json.date(to)
        case .rectified(let replaces):
            personal(commitments, into: &json)
            json.key("replaces")
            fields(replaces, into: &json)
        case .forwarded(let to), .assigned(let to):
            personal(commitments, into: &json)
            json.key("to")
            json.string(to)
        case .letterProduced(let template, let format, let route, let sha256):
            json.key("format")
            json.string(format)
            personal(commitments, into: &json)
            json.key("route")
            json.string(route.rawValue)
            json.key("sha256")
            json.string(sha256)
            json.key("template")
            json.string(template)
        case .replyRouteSet(let via):
            personal(commitments, into: &json)
            json.key("via")
            json.string(via.rawValue)
        case .dutyDone(let duty, let channel, let link):
            json.key("channel")
            json.string(channel)
            json.key("duty")
            json.string(duty)
            if let link {
                json.key("link")
                json.string(link)
            }
            personal(commitments, into: &json)
        case .staffAdded(let login, let role), .staffRoleChanged(let login, let role):
            json.key("login")
            json.string(login)
            personal(commitments, into: &json)
            json.key("role")
            json.string(role.rawValue)
        case .staffDisabled(let login), .staffPasswordSet(let login):
            json.key("login")
            json.string(login)
            personal(commitments, into: &json)
        case .receiptEvidence(let item, let sha256, let source, let evidence, let doubts):
            json.key("doubts")
            strings(doubts, into: &json)
            json.key("evidence")
            strings(evidence, into: &json)
            json.key("item")
            json.integer(item)
            personal(commitments, into: &json)
            json.key("sha256")
            json.string(sha256)
            json.key("source")
            json.string(source)
        case .messageReceived(let item, let sha256, let size, let evidence, let flags):
            json.key("evidence")
            strings(evidence, into: &json)
            json.key("flags")
            strings(flags, into: &json)
            json.key("item")
            json.integer(item)
            personal(commitments, into: &json)
            json.key("sha256")
            json.string(sha256)
            json.key("size")
            json.integer(size)
        case .messageUnreadable(let item, let sha256, let size, let reason):
            json.key("item")
            json.integer(item)
            personal(commitments, into: &json)
            json.key("reason")
            json.string(reason)
            json.key("sha256")
            json.string(sha256)
            json.key("size")
            json.integer(size)
        case .messageDismissed(let item):
            json.key("item")
            json.integer(item)
            personal(commitments, into: &json)
        case .inboxPurged(let items, let records):
            json.key("items")
            json.integer(items)
            personal(commitments, into: &json)
            json.key("records")
            json.integer(records)
        case .answered(let kind, let outcome, let basis):
            if let basis {
                json.key("basis")
                json.string(basis)
            }
            json.key("kind")
            json.string(kind.rawValue)
            json.key("outcome")
            json.string(outcome.rawValue)
            personal(commitments, into: &json)
        default:
            personal(commitments, into: &json)
        }
        json.endObject()
        return json.text
    }

    /// The canonical bytes of an event whose payload is already canonical; the text columns
    /// come as UTF-8 bytes (the verifier reads them straight from SQLite).
    public static func canonical(
        id: Int64, caseID: UnsafeRawBufferPointer, kind: UnsafeRawBufferPointer, occurredAt: Int64,
        recordedAt: Int64, actor: UnsafeRawBufferPointer, payload: UnsafeRawBufferPointer,
        into json: inout JSONWriter
    ) {
        json.beginObject()
        json.key("actor")
        json.string(utf8: actor)
        json.key("case")
        json.string(utf8: caseID)
        json.key("id")
        json.integer(Int(id))
        json.key("kind")
        json.string(utf8: kind)
        json.key("occurred_at")
        json.utc(Instant(secondsSinceEpoch: occurredAt))
        json.key("payload")
        json.json(utf8: payload)
        json.key("recorded_at")
        json.utc(Instant(secondsSinceEpoch: recordedAt))
        json.endObject()
    }

    /// The commitment to a personal field in a canonical payload (found by its key inside
    /// `"personal":{…}`), without parsing the whole payload.
    public static func commitment(to field: PersonalField, inPayload payload: UnsafeRawBufferPointer) -> String? {
        let bytes = payload.bindMemory(to: UInt8.self)
        guard let personal = find(Array(#""personal":{"#.utf8), in: bytes, from: 0),
            let start = find(Array("\"\(field.rawValue)\":\"".utf8), in: bytes, from: personal)
        else { return nil }
        let end = start + 64
        // The object holds only field names and hex, so its first "}" ends it; a match beyond
        // belongs to another object ("replaces").
        let objectEnd = bytes[personal...].firstIndex(of: UInt8(ascii: "}")) ?? bytes.count
        guard end < objectEnd, bytes[end] == UInt8(ascii: "\"") else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The index just after the first occurrence of `needle` at or after `from`.
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = from
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], zip(needle.indices, needle).allSatisfy({ bytes[index + $0] == $1 }) {
                return index + needle.count
            }
            index += 1
        }
        return nil
    }

    /// Reads an event back from its kind and payload.
    public static func decode(kind: String, payload: String) throws -> (Event, [PersonalField: String]) {
        guard let object = PayloadJSON.parse(payload) else {
            throw DSRCoreError.corruptRecord("payload of a '\(kind)' event is not a JSON object")
        }
        let commitments = fields(object["personal"])
        func text(_ key: String) throws -> String {
            guard case .string(let value) = object[key] else {
                throw DSRCoreError.corruptRecord("'\(kind)' event lacks '\(key)'")
            }
            return value
        }
        func integer(_ key: String) throws -> Int {
            guard case .integer(let value) = object[key] else {
                throw DSRCoreError.corruptRecord("'\(kind)' event lacks '\(key)'")
            }
            return value
        }
        func texts(_ key: String) -> [String] {
            if case .strings(let values) = object[key] { return values }
            return []
        }
        func optionalText(_ key: String) -> String? {
            if case .string(let value) = object[key] { return value }
            return nil
        }
        let event: Event
        switch kind {
        case "received":
            guard case .strings(let names) = object["kinds"] else {
                throw DSRCoreError.corruptRecord("'received' event lacks its kinds")
            }
            let kinds = names.compactMap(RequestKind.init(rawValue:))
            guard let channel = Channel(rawValue: try text("channel")), !kinds.isEmpty else {
                throw DSRCoreError.corruptRecord("'received' event has unknown kinds or channel")
            }
            let due = optionalText("claimant_due").flatMap(CivilDate.init(iso:))
            event = .received(kinds: kinds, channel: channel, claimantDue: due, policyHash: try text("policy"))
        case "acknowledged": event = .acknowledged
        case "identity-requested": event = .identityRequested
        case "identity-confirmed": event = .identityConfirmed
        case "clarification-requested": event = .clarificationRequested
        case "clarification-received": event = .clarificationReceived
        case "extended":
            guard let notified = UTCInstant.parse(try text("notified_at")) else {
                throw DSRCoreError.corruptRecord("'extended' event has a bad notified_at")
            }
            event = .extended(notifiedAt: notified)
        case "forwarded": event = .forwarded(to: try text("to"))
        case "recipients-notified": event = .recipientsNotified
        case "answered":
            guard let requestKind = RequestKind(rawValue: try text("kind")),
                let outcome = Outcome(rawValue: try text("outcome"))
            else { throw DSRCoreError.corruptRecord("'answered' event has unknown kind or outcome") }
            event = .answered(kind: requestKind, outcome: outcome, basis: optionalText("basis"))
        case "withdrawn": event = .withdrawn
        case "assigned": event = .assigned(to: try text("to"))
        case "rectified": event = .rectified(replaces: fields(object["replaces"]))
        case "note-added": event = .noteAdded
        case "letter-produced":
            guard let route = Channel(rawValue: try text("route")) else {
                throw DSRCoreError.corruptRecord("'letter-produced' event has an unknown route")
            }
            event = .letterProduced(
                template: try text("template"), format: try text("format"), route: route, sha256: try text("sha256"))
        case "reply-route-set":
            guard let via = Channel(rawValue: try text("via")) else {
                throw DSRCoreError.corruptRecord("'reply-route-set' event has an unknown channel")
            }
            event = .replyRouteSet(via: via)
        case "duty-done":
            event = .dutyDone(duty: try text("duty"), channel: try text("channel"), link: optionalText("link"))
        case "staff-added", "staff-role-changed":
            guard let role = Role(rawValue: try text("role")) else {
                throw DSRCoreError.corruptRecord("'\(kind)' event has an unknown role")
            }
            let login = try text("login")
            event =
                kind == "staff-added"
                ? .staffAdded(login: login, role: role) : .staffRoleChanged(login: login, role: role)
        case "receipt-evidence":
            event = .receiptEvidence(
                item: try integer("item"), sha256: try text("sha256"), source: try text("source"),
                evidence: texts("evidence"), doubts: texts("doubts"))
        case "message-received":
            event = .messageReceived(
                item: try integer("item"), sha256: try text("sha256"), size: try integer("size"),
                evidence: texts("evidence"), flags: texts("flags"))
        case "message-unreadable":
            event = .messageUnreadable(
                item: try integer("item"), sha256: try text("sha256"), size: try integer("size"),
                reason: try text("reason"))
        case "message-dismissed": event = .messageDismissed(item: try integer("item"))
        case "inbox-purged": event = .inboxPurged(items: try integer("items"), records: try integer("records"))
        case "staff-disabled": event = .staffDisabled(login: try text("login"))
        case "staff-password-set": event = .staffPasswordSet(login: try text("login"))
        case "closed": event = .closed
        case "reopened": event = .reopened
        case "backed-up": event = .backedUp(sha256: try text("sha256"))
        case "purged":
            guard case .integer(let records) = object["records"] else {
                throw DSRCoreError.corruptRecord("'purged' event lacks its record count")
            }
            event = .purged(records: records)
        case "exported":
            guard let from = CivilDate(iso: try text("from")), let to = CivilDate(iso: try text("to")) else {
                throw DSRCoreError.corruptRecord("'exported' event has bad dates")
            }
            event = .exported(format: try text("format"), from: from, to: to)
        default: throw DSRCoreError.corruptRecord("unknown event kind '\(kind)'")
        }
        return (event, commitments)
    }

    /// An array of strings.
    private static func strings(_ values: [String], into json: inout JSONWriter) {
        json.beginArray()
        for value in values { json.string(value) }
        json.endArray()
    }

    private static func personal(_ commitments: [PersonalField: String], into json: inout JSONWriter) {
        guard !commitments.isEmpty else { return }
        json.key("personal")
        fields(commitments, into: &json)
    }

    /// An object of commitments by field name, keys sorted.
    private static func fields(_ commitments: [PersonalField: String], into json: inout JSONWriter) {
        json.beginObject()
        for field in commitments.keys.sorted() {
            json.key(named: field.rawValue)
            json.string(commitments[field]!)
        }
        json.endObject()
    }

    /// Reads an object of commitments by field name (`"personal"`, `"replaces"`).
    private static func fields(_ value: PayloadJSON.Value?) -> [PersonalField: String] {
        guard case .object(let object) = value else { return [:] }
        var result: [PersonalField: String] = [:]
        for (key, text) in object {
            if let field = PersonalField(rawValue: key) { result[field] = text }
        }
        return result
    }
}

/// Reads `2026-01-31T09:00:00Z` exactly as the codec writes it.
public enum UTCInstant {
    public static func parse(_ text: String) -> Instant? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z"),
            let date = CivilDate(iso: String(decoding: bytes[0..<10], as: UTF8.self))
        else { return nil }
        let parts = String(decoding: bytes[11..<19], as: UTF8.self).split(separator: ":").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return Instant(
            secondsSinceEpoch: Int64(date.dayNumber) * 86_400 + Int64(parts[0] * 3600 + parts[1] * 60 + parts[2]))
    }
}

extension CivilDate {
    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        // Read as bytes: listings parse one of these per row.
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
