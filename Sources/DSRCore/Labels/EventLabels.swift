extension Event {
    /// What happened, in words for people: `Eingang bestätigt` / `receipt acknowledged`.
    public func label(_ language: Language) -> String {
        switch self {
        case .received: language.pick("erfasst", "logged")
        case .acknowledged: language.pick("Eingang bestätigt", "receipt acknowledged")
        case .identityRequested:
            language.pick("Identitätsnachweis angefordert (Frist gehemmt)", "identity proof requested (clock stopped)")
        case .identityConfirmed: language.pick("Identität bestätigt", "identity confirmed")
        case .clarificationRequested:
            language.pick("Rückfrage gestellt (Frist gehemmt)", "clarification requested (clock stopped)")
        case .clarificationReceived: language.pick("Präzisierung erhalten", "clarification received")
        case .extended: language.pick("Frist verlängert", "deadline extended")
        case .forwarded(let to): language.pick("weitergeleitet an \(to)", "forwarded to \(to)")
        case .recipientsNotified:
            language.pick("Empfänger unterrichtet (Art. 19 DSGVO)", "recipients notified (Art. 19 GDPR)")
        case .answered(let kind, let outcome, _):
            language.pick(
                "\(kind.germanName) beantwortet: \(outcome.germanName)",
                "\(kind.englishName) answered: \(outcome.rawValue)")
        case .withdrawn: language.pick("zurückgezogen", "withdrawn")
        case .assigned(let to): language.pick("zugewiesen an \(to)", "assigned to \(to)")
        case .noteAdded: language.pick("Notiz", "note")
        case .rectified(let replaces): Self.rectifiedLabel(replaces, language)
        case .letterProduced(let template, let format, let route, _):
            language.pick(
                "Brief erstellt: \(template) (\(format), \(route.germanName))",
                "letter produced: \(template) (\(format), \(route.rawValue))")
        case .replyRouteSet(let via): language.pick("Antwortweg: \(via.germanName)", "reply route: \(via.rawValue)")
        case .closed: language.pick("abgeschlossen", "closed")
        case .reopened: language.pick("wiedereröffnet", "reopened")
        case .purged(let records):
            language.pick(
                "Personendaten gelöscht (\(records) Einträge, Aufbewahrungsfrist abgelaufen)",
                "personal data erased (\(records) records, retention period over)")
        case .backedUp: language.pick("Sicherung erstellt", "backup made")
        case .exported(let format, _, _):
            language.pick("Export mit Personendaten (\(format))", "export with personal data (\(format))")
        case .dutyDone(let duty, let channel, _):
            language.pick("Pflicht erledigt: \(duty) (\(channel))", "duty done: \(duty) (\(channel))")
        case .staffAdded(let login, let role):
            language.pick(
                "Konto angelegt: \(login) (\(role.germanName))", "account added: \(login) (\(role.rawValue))")
        case .staffRoleChanged(let login, let role):
            language.pick(
                "Rolle geändert: \(login) ist jetzt \(role.germanName)",
                "role changed: \(login) is now \(role.rawValue)")
        case .staffDisabled(let login): language.pick("Konto gesperrt: \(login)", "account disabled: \(login)")
        case .staffPasswordSet(let login):
            language.pick("Passwort gesetzt: \(login)", "password set: \(login)")
        case .receiptEvidence(let item, _, let source, _, _):
            language.pick(
                "Eingang aus Posteingang Nr. \(item) (\(source))", "taken from inbox item \(item) (\(source))")
        case .messageReceived(let item, _, _, _, _):
            language.pick("Nachricht eingegangen: Nr. \(item)", "message received: item \(item)")
        case .messageUnreadable(let item, _, _, let reason):
            language.pick("Nachricht unlesbar: Nr. \(item) (\(reason))", "unreadable message: item \(item) (\(reason))")
        case .messageDismissed(let item):
            language.pick("Nachricht verworfen: Nr. \(item)", "message dismissed: item \(item)")
        case .inboxPurged(let items, let records):
            language.pick(
                "Posteingang gelöscht: \(items) Nachrichten (\(records) Einträge)",
                "inbox purged: \(items) messages (\(records) records)")
        }
    }

    private static func rectifiedLabel(_ replaces: [PersonalField: String], _ language: Language) -> String {
        let fields = replaces.keys.sorted().map(\.rawValue).joined(separator: ", ")
        return language.pick("berichtigt (Art. 16 DSGVO)", "rectified (Art. 16 GDPR)")
            + (fields.isEmpty ? "" : ": \(fields)")
    }
}

extension Schedule.ExtensionState {
    /// Whether and how an extension counts, in words: `wirksam`, `zu spät mitgeteilt`, `–`.
    public func label(_ language: Language) -> String {
        switch self {
        case .none, .notAvailable: "–"
        case .inEffect: language.pick("wirksam", "in effect")
        case .notifiedLate: language.pick("zu spät mitgeteilt", "notified late")
        case .withoutReasons: language.pick("ohne Gründe", "without reasons")
        }
    }
}

extension CaseStatus {
    /// The status in words: `überfällig` / `overdue`.
    public func label(_ language: Language) -> String {
        language.pick(germanName, englishName)
    }
}

extension RequestKind {
    /// The right asked for, in words: `Auskunft` / `access`.
    public func label(_ language: Language) -> String {
        language.pick(germanName, englishName)
    }
}
