import DSRApp
import DSRCore
import DSRLedger
import DSRMail

/// The words for inbox items: states, sources of the moment of receipt, flags and doubts.
struct InboxViews {
    let views: Views
    var language: Language { views.language }

    /// Where a moment of receipt was read from.
    func source(_ key: String) -> String {
        switch ReceiptSource(rawValue: key) {
        case .receivedHeader:
            language.pick("Received-Kopfzeile des eigenen Mailservers", "Received: of an own mail host")
        case .maildirDelivery: language.pick("Zustellung ins Postfach", "delivery into the mailbox")
        case .mboxFromLine: language.pick("Trennzeile der mbox-Datei", "the mbox From line")
        case .takenIn: language.pick("Einlesen in dsr", "taken into dsr")
        case .dateHeader: language.pick("Date-Kopfzeile des Absenders (schwach)", "the sender's Date: (weak)")
        case .forwardedOriginal: language.pick("weitergeleitete Nachricht", "a forwarded message")
        case .clerk: language.pick("von der Sachbearbeitung gesetzt", "set by a clerk")
        case nil: key
        }
    }

    /// A flag of the message or a doubt about its moment of receipt.
    func flag(_ key: String) -> String {
        let labels: [String: (String, String)] = [
            "html-only": ("nur HTML", "HTML only"), "encrypted": ("verschlüsselt", "encrypted"),
            "signed": ("signiert", "signed"), "tnef": ("Outlook-TNEF (winmail.dat)", "Outlook TNEF (winmail.dat)"),
            "no-date": ("ohne Date-Kopfzeile", "no Date:"), "no-from": ("ohne Absender", "no From:"),
            "no-message-id": ("ohne Message-ID", "no Message-ID"),
            "charset-fallback": ("Zeichensatz ersetzt (Windows-1252)", "charset replaced (Windows-1252)"),
            "malformed": ("fehlerhaft aufgebaut", "malformed"),
            "duplicate-message-id": ("Message-ID schon bekannt, anderer Inhalt", "Message-ID known with other content"),
            "weaker-evidence": ("schwächerer Nachweis des Eingangs", "weaker evidence of receipt"),
            "in-future": ("Zeitpunkt in der Zukunft", "moment in the future"),
            "before-1995": ("Zeitpunkt vor 1995", "moment before 1995"),
            "far-from-delivery": ("Received weit entfernt von der Zustellung", "Received: far from delivery"),
        ]
        return labels[key].map { language.pick($0.0, $0.1) } ?? key
    }

    /// Personal text for a page, or a marker once erased.
    func text(_ value: VaultText?) -> String {
        value?.display(
            erased: language.pick("(gelöscht)", "(erased)"), sealed: language.pick("(versiegelt)", "(sealed)"))
            ?? "–"
    }

    /// A row of the inbox list.
    func row(_ entry: InboxEntry) -> [String: Any] {
        let item = entry.item
        var row: [String: Any] = [
            "id": item.id, "state": item.state.label(language), "stateKey": item.state.rawValue,
            "sender": text(entry.sender), "subject": text(entry.subject),
            "flags": item.flags.map(flag).joined(separator: ", "), "takenAt": views.instant(item.takenAt),
        ]
        if let received = item.receivedAt { row["received"] = views.instant(received) }
        if let failure = item.failure { row["failure"] = failure }
        if let caseID = item.caseID { row["caseID"] = caseID.rawValue }
        return row
    }

    /// The moments a message offers, for the evidence table and the choice of the case form.
    func candidates(_ candidates: [ReceiptCandidate], chosen: Bool) -> [[String: Any]] {
        candidates.enumerated().map { index, candidate in
            var row: [String: Any] = [
                "index": index, "number": index + 1, "at": views.instant(candidate.at),
                "source": source(candidate.source.rawValue), "chosen": chosen && index == 0,
            ]
            if let host = candidate.host { row["host"] = host }
            return row
        }
    }
}
