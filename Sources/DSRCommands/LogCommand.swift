import ArgumentParser
import DSRApp
import DSRCore
import Foundation

/// `dsr log`: a request came in; log it as a new case and tell its deadline.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Log a request that came in (a new case).",
        discussion: """
            Kinds, comma-separated, in German or English: Auskunft/access, Berichtigung/rectification,
            Löschung/erasure, Sperrung/Einschränkung/restriction, Datenübertragbarkeit/portability,
            Widerspruch/objection, automated-decision, Widerruf/consent-withdrawal,
            Unterlassung/injunction, Beseitigung/removal (civil claims: give --due).
            Personal text options accept - to read standard input, and --interactive asks for
            name, contact, reference and note, so no name shows in the process list.
            With --from-item ITEM the case is opened from an inbox item (dsr inbox): channel
            e-mail, the moment of receipt its evidence chose, name, address, Message-ID and text
            from the message unless given. --received TIME or --take-forwarded (the earliest time
            of a forwarded message inside) take another moment; both need --receipt-reason.
            """)

    @Option(name: .long, help: "Request kind(s), comma-separated.")
    var kind: String

    @Option(name: .long, help: "email, post, facebook, twitter, instagram, youtube, phone or in-person.")
    var channel: String?

    @Option(name: .long, help: ArgumentHelp("When the request reached the office's channel.", valueName: "when"))
    var received: String?

    @Option(
        name: .customLong("from-item"), help: ArgumentHelp("Open the case from this inbox item.", valueName: "item"))
    var fromItem: Int?

    @Flag(
        name: .customLong("take-forwarded"), help: "With --from-item: the earliest time of a forwarded message inside.")
    var takeForwarded = false

    @Option(
        name: .customLong("receipt-reason"),
        help: ArgumentHelp("With --from-item: why another moment of receipt counts.", valueName: "text"))
    var receiptReason: String?

    @Option(name: .long, help: ArgumentHelp("The data subject's name (or --interactive).", valueName: "name"))
    var subject: String?

    @Flag(name: .long, help: "Ask for name, contact, reference and note on the terminal (standard input).")
    var interactive = false

    @Option(name: .long, help: ArgumentHelp("Address, e-mail or handle.", valueName: "text"))
    var contact: String?

    @Option(name: .long, help: ArgumentHelp("The person's own reference or a message id.", valueName: "text"))
    var reference: String?

    @Option(name: .long, help: ArgumentHelp("A note.", valueName: "text"))
    var note: String?

    @Option(name: .long, help: ArgumentHelp("For civil claims: the date the claimant set.", valueName: "date"))
    var due: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        let stdinCount = [subject, contact, reference, note, receiptReason].filter { $0 == "-" }.count
        guard stdinCount <= 1 else { throw ValidationError("only one option can read standard input (-)") }
        if fromItem != nil {
            guard channel == nil else {
                throw ValidationError("a case from an inbox item came by e-mail; drop --channel")
            }
            guard !interactive else { throw ValidationError("--interactive and --from-item do not go together") }
            guard !(takeForwarded && received != nil) else {
                throw ValidationError("give either --received or --take-forwarded")
            }
            guard (received == nil && !takeForwarded) == (receiptReason == nil) else {
                throw ValidationError("--received and --take-forwarded need --receipt-reason, and only they")
            }
            return
        }
        guard channel != nil, received != nil else {
            throw ValidationError("give --channel and --received (or --from-item ITEM)")
        }
        guard !takeForwarded, receiptReason == nil else {
            throw ValidationError("--take-forwarded and --receipt-reason go with --from-item")
        }
        if interactive {
            guard [subject, contact, reference, note].allSatisfy({ $0 == nil }) else {
                throw ValidationError(
                    "--interactive asks for the personal data; do not also give --subject, --contact, --reference or --note"
                )
            }
            return
        }
        guard subject != nil else {
            throw ValidationError("give the person's name with --subject (- reads standard input) or use --interactive")
        }
    }

    func run() throws {
        let kinds = try RequestKindList.parse(kind)
        let claimantDue = try due.map { try CivilDateInput.parse($0) }
        if let civil = kinds.first(where: \.isCivilClaim), claimantDue == nil {
            throw CommandFailure(
                message: DSRCoreError.missingClaimantDate(civil).description + " (--due YYYY-MM-DD)",
                exitCode: CommandFailure.badInput)
        }
        let personal = interactive ? try askPersonalData() : try personalDataFromOptions()
        let session = try store.session(policy: policy, for: .logCase)
        let change = try namingFlags([
            "the moment of receipt": "--received", "the person's name": "--subject",
            "the reason for another moment of receipt": "--receipt-reason",
        ]) {
            if let fromItem {
                return try logFromItem(fromItem, kinds: kinds, claimantDue: claimantDue, given: personal, in: session)
            }
            let channelText = channel ?? ""
            guard let channelValue = Channel(name: channelText) else { throw DSRCoreError.unknownChannel(channelText) }
            let input = CaseInput(
                kinds: kinds, channel: channelValue, received: try session.instant(received ?? ""),
                claimantDue: claimantDue, personal: personal)
            return try session.logCase(input)
        }
        try CaseOutput(language: output.lang, engine: change.engine).printRecorded(change, json: output.json)
    }

    /// Opens the case from an inbox item: the message's data where none was given, the moment
    /// its evidence chose unless another is asked for.
    private func logFromItem(
        _ item: Int, kinds: [RequestKind], claimantDue: CivilDate?, given: [PersonalField: String], in session: Session
    ) throws -> CaseChange {
        let detail = try session.inboxItem(item)
        let personal = detail.prefill.merging(given) { _, typed in typed }
        let reason = try PersonalText.read(receiptReason, field: .reason, option: "--receipt-reason")
        let receipt: ReceiptChoice
        if let received {
            receipt = .stated(try session.instant(received), reason: reason ?? "")
        } else if takeForwarded {
            let forwarded = detail.candidates.enumerated().filter { $0.element.source == .forwardedOriginal }
            guard let earliest = forwarded.min(by: { $0.element.at < $1.element.at }) else {
                throw CommandFailure(
                    message: "inbox item \(item) holds no forwarded message with a time",
                    exitCode: CommandFailure.badInput)
            }
            receipt = .candidate(earliest.offset, reason: reason ?? "")
        } else {
            receipt = .asRead
        }
        return try session.openCase(
            fromItem: item, CaseFromItem(kinds: kinds, receipt: receipt, claimantDue: claimantDue, personal: personal))
    }

    /// The personal data given as options (or standard input for `-`).
    private func personalDataFromOptions() throws -> [PersonalField: String] {
        var personal: [PersonalField: String] = [:]
        personal[.subject] = try PersonalText.read(subject, field: .subject, option: "--subject")
        personal[.contact] = try PersonalText.read(contact, field: .contact, option: "--contact")
        personal[.reference] = try PersonalText.read(reference, field: .reference, option: "--reference")
        personal[.note] = try PersonalText.read(note, field: .note, option: "--note")
        return personal
    }

    /// The personal data asked for one line at a time (prompts on standard error).
    private func askPersonalData() throws -> [PersonalField: String] {
        let lang = output.lang
        var personal: [PersonalField: String] = [:]
        personal[.subject] = try PersonalText.ask(
            lang.pick("Name der betroffenen Person", "Name of the data subject"), field: .subject, required: true)
        personal[.contact] = try PersonalText.ask(
            lang.pick("Kontakt (optional)", "Contact (optional)"), field: .contact)
        personal[.reference] = try PersonalText.ask(
            lang.pick("Referenz (optional)", "Reference (optional)"), field: .reference)
        personal[.note] = try PersonalText.ask(lang.pick("Notiz (optional)", "Note (optional)"), field: .note)
        return personal
    }
}
