import DSRCore
import DSRLedger
import Foundation

/// The rows of an import file, checked and turned into cases before anything is written.
struct ImportRows {
    /// One spreadsheet row as a case and its later steps.
    struct Row {
        let line: Int
        let newCase: NewCase
        let answeredAt: Instant?
        let outcome: Outcome?
        let basis: String?
        let closedAt: Instant?

        /// Logs the case and records its answer and closing, checked like any other step.
        func write(
            session: any CaseWriteBatch, policy: PolicyReference, engine: DeadlineEngine, actor: String, now: Instant
        )
            throws
        {
            var (_, state) = try session.log(newCase, policy: policy, engine: engine, actor: actor, recordedAt: now)
            if let answeredAt, let outcome {
                for kind in newCase.kinds {
                    _ = try session.record(
                        .answered(kind: kind, outcome: outcome, basis: basis), on: &state, at: answeredAt,
                        actor: actor, recordedAt: now, policy: engine.policy)
                }
            }
            if let closedAt {
                _ = try session.record(
                    .closed, on: &state, at: closedAt, actor: actor, recordedAt: now, policy: engine.policy)
            }
            try session.saveProjection(state, engine: engine, now: now)
        }
    }

    /// The known columns and the header names (lower case) that mean them.
    enum Column: String, CaseIterable {
        case received, kind, channel, subject, contact, reference, note, due, answered, outcome, basis, closed

        var names: [String] {
            switch self {
            case .received: ["received", "eingang", "eingangsdatum", "eingegangen", "datum"]
            case .kind: ["kind", "kinds", "anliegen", "art", "recht"]
            case .channel: ["channel", "kanal", "eingangskanal", "weg"]
            case .subject: ["subject", "name", "person", "betroffene person", "betroffener"]
            case .contact: ["contact", "kontakt", "adresse", "e-mail"]
            case .reference: ["reference", "referenz", "aktenzeichen", "az"]
            case .note: ["note", "notiz", "bemerkung", "bemerkungen"]
            case .due: ["due", "frist", "gesetzte frist"]
            case .answered: ["answered", "beantwortet", "beantwortet am", "antwort am"]
            case .outcome: ["outcome", "ergebnis"]
            case .basis: ["basis", "rechtsgrundlage"]
            case .closed: ["closed", "abgeschlossen", "abgeschlossen am"]
            }
        }
    }

    let rows: [Row]

    init(records: [CSVReader.Record], zone: ZoneRules, now: Instant) throws {
        func failure(_ line: Int, _ message: String) -> ImportFailure {
            ImportFailure(line: line, message: message)
        }
        guard let header = records.first else { throw failure(1, "the file is empty") }
        var columns: [Column: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            let key = name.trimmedBlanks.lowercased()
            guard let column = Column.allCases.first(where: { $0.names.contains(key) }) else {
                throw failure(
                    header.line,
                    "unknown column '\(name)'; known: " + Column.allCases.map(\.rawValue).joined(separator: ", "))
            }
            columns[column] = index
        }
        for required in [Column.received, .kind, .channel, .subject] where columns[required] == nil {
            throw failure(header.line, "the column '\(required.rawValue)' is missing")
        }
        let input = TimeInput(zone: zone)
        rows = try records.dropFirst().map { record in
            func value(_ column: Column) -> String? {
                guard let index = columns[column], index < record.fields.count else { return nil }
                let text = record.fields[index].trimmedBlanks
                return text.isEmpty ? nil : text
            }
            do {
                guard record.fields.count == header.fields.count else {
                    throw DSRCoreError.invalidText(
                        "\(record.fields.count) fields, the header has \(header.fields.count)")
                }
                func instant(_ column: Column) throws -> Instant? {
                    try value(column).map { try input.instant(from: $0, now: now) }
                }
                let kinds = try RequestKindList.parse(value(.kind) ?? "")
                guard let channelText = value(.channel), let channel = Channel(name: channelText) else {
                    throw DSRCoreError.unknownChannel(value(.channel) ?? "")
                }
                let claimantDue = try value(.due).map { try CivilDateInput.parse($0) }
                if kinds.contains(where: \.isCivilClaim), claimantDue == nil {
                    throw DSRCoreError.missingClaimantDate(kinds.first(where: \.isCivilClaim)!)
                }
                var personal: [PersonalField: String] = [:]
                for (column, field) in [
                    (Column.subject, PersonalField.subject), (.contact, .contact), (.reference, .reference),
                    (.note, .note),
                ] {
                    if let text = value(column) {
                        personal[field] = try PersonalTextRules.validated(text, field: field, what: column.rawValue)
                    }
                }
                guard personal[.subject] != nil else { throw DSRCoreError.invalidText("subject is empty") }
                let answeredAt = try instant(.answered)
                let outcome = try value(.outcome).map { text -> Outcome in
                    guard
                        let outcome = Outcome(rawValue: text.lowercased())
                            ?? Outcome.allCases.first(where: { $0.germanName == text.lowercased() })
                    else {
                        throw DSRCoreError.invalidText(
                            "unknown outcome; valid: " + Outcome.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    return outcome
                }
                if (answeredAt == nil) != (outcome == nil) {
                    throw DSRCoreError.invalidText("answered and outcome go together")
                }
                guard let received = try instant(.received) else { throw DSRCoreError.invalidText("received is empty") }
                guard received.secondsSinceEpoch <= now.secondsSinceEpoch + StepRules.futureTolerance else {
                    throw DSRCoreError.stepRefused("received lies in the future")
                }
                return Row(
                    line: record.line,
                    newCase: NewCase(
                        kinds: kinds, channel: channel, received: received, claimantDue: claimantDue, personal: personal
                    ),
                    answeredAt: answeredAt, outcome: outcome, basis: value(.basis), closedAt: try instant(.closed))
            } catch let error as DSRCoreError {
                throw failure(record.line, error.description)
            } catch let error as AppError {
                throw failure(record.line, error.message)
            }
        }
    }
}
