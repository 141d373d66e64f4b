import DSRApp
import DSRCore
import DSRLedger
import DSRMail
import Foundation

/// How `dsr intake` and `dsr inbox` print inbox items, as text or JSON.
struct InboxOutput {
    let language: Language
    let zone: ZoneRules

    var format: HumanFormat { HumanFormat(language: language, zone: zone) }

    /// One line for an item: number, state, moment of receipt and its source, flags, sender, subject.
    func line(_ item: InboxItem, sender: VaultText? = nil, subject: VaultText? = nil) -> String {
        let received = item.receivedAt.map(format.instant) ?? "–"
        let source = item.receiptSource.map { " (\($0))" } ?? ""
        var parts = ["#\(item.id)", item.state.label(language), received + source]
        if !item.flags.isEmpty { parts.append("[" + item.flags.joined(separator: ", ") + "]") }
        if let failure = item.failure { parts.append(failure) }
        if let caseID = item.caseID { parts.append(language.pick("Fall ", "case ") + caseID.rawValue) }
        if let sender { parts.append(display(sender)) }
        if let subject { parts.append("„" + display(subject) + "“") }
        return parts.joined(separator: "  ")
    }

    /// The whole item, as `dsr inbox show` prints it.
    func detail(_ detail: InboxDetail) -> String {
        let item = detail.item
        var lines = [line(item)]
        func add(_ german: String, _ english: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append(language.pick(german, english).padding(toLength: 18, withPad: " ", startingAt: 0) + value)
        }
        add(
            "Von:", "From:",
            [detail.senderName, detail.senderAddress].compactMap { $0.map(display) }.joined(separator: " "))
        add("Betreff:", "Subject:", detail.subject.map(display))
        add("Message-ID:", "Message-ID:", detail.messageID.map(display))
        add("Eingelesen:", "Taken in:", format.instant(item.takenAt) + " (\(item.origin.rawValue))")
        add("SHA-256:", "SHA-256:", "\(item.sha256)  \(item.size) bytes")
        if item.duplicates > 0 { add("Doppelt:", "Duplicates:", String(item.duplicates)) }
        lines.append(language.pick("Zeitpunkt des Eingangs:", "Moment of receipt:"))
        for (index, candidate) in detail.candidates.enumerated() {
            let chosen = index == 0 && item.receivedAt != nil ? "*" : " "
            let host = candidate.host.map { " \($0)" } ?? ""
            lines.append(
                "  \(chosen)\(index + 1). \(format.instant(candidate.at))  \(candidate.source.rawValue)\(host)")
        }
        if !detail.doubts.isEmpty {
            add("Zweifel:", "Doubts:", detail.doubts.map(\.rawValue).joined(separator: ", "))
        }
        if let document = detail.document {
            for header in document.headers { lines.append("  \(header.name): \(header.value)") }
            for attachment in document.attachments {
                lines.append(
                    "  " + language.pick("Anhang: ", "Attachment: ") + (attachment.filename ?? "–")
                        + "  \(attachment.contentType)  \(attachment.size) bytes  \(attachment.sha256)")
            }
            for (index, forwarded) in document.forwarded.enumerated() {
                let times = ([forwarded.date].compactMap { $0 } + forwarded.receivedByOwnHosts).map(format.instant)
                lines.append(
                    "  " + language.pick("Weitergeleitet \(index + 1): ", "Forwarded \(index + 1): ")
                        + (forwarded.from?.address ?? "–") + "  " + times.joined(separator: ", "))
            }
            lines.append("")
            lines.append(document.text)
        } else if item.state != .unreadable {
            lines.append(language.pick("(Nachricht gelöscht)", "(message erased)"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func display(_ text: VaultText) -> String {
        text.display(erased: language.pick("[gelöscht]", "[erased]"), sealed: language.pick("[versiegelt]", "[sealed]"))
    }
}
