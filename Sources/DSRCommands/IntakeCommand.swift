import ArgumentParser
import DSRApp
import DSRCore
import DSRMail
import Foundation

/// `dsr intake PATH…`: takes messages from files, mbox files and Maildir folders into the inbox.
struct IntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake", abstract: "Take messages (files, mbox, Maildir) into the inbox.",
        discussion: """
            Each message becomes an inbox item with the evidence of its moment of receipt: the \
            topmost Received: header of one of the policy's own mail hosts (<mailIntake>), else the \
            Maildir file's delivery time or the mbox From line, else the Date: header, each weaker \
            one flagged. The same Message-ID with the same content is taken once. What is not mail \
            or breaks a limit (25 MiB, 20 levels, 500 parts, 64 KiB header lines) is refused with \
            its reason and nothing is stored for it; the others are still taken in, and the exit \
            status is then 65. Files in a Maildir stay where they are (dsr serve --maildir moves \
            what it took in to cur/).
            """)

    @Argument(help: ArgumentHelp("Message files, mbox files or Maildir folders.", valueName: "path"))
    var paths: [String]

    @Option(name: .customLong("mbox-variant"), help: "How >From lines of an mbox are unquoted: mboxrd or mboxo.")
    var mboxVariant: MboxVariant = .mboxrd

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let session = try store.session(policy: policy, for: .takeInMessages)
        let printer = InboxOutput(language: output.lang, zone: session.tracker.engine.zone)
        var report = IntakeReport()
        var batch = IntakeBatch()
        func takeInBatch() throws {
            for (outcome, place) in try batch.takeIn(session) {
                report.add(outcome, place: place)
                if !output.json { FileHandle.standardOutput.write(Data(report.line(outcome, place, printer).utf8)) }
            }
        }
        for path in paths {
            try IntakeSource.forEachMessage(at: path, mboxVariant: mboxVariant) { found in
                batch.add(found)
                if batch.isFull { try takeInBatch() }
            }
        }
        try takeInBatch()
        if output.json {
            try OrderedJSONEncoder.print(report)
        } else {
            FileHandle.standardOutput.write(Data(report.summary(output.lang).utf8))
        }
        if !report.refused.isEmpty { throw ExitCode(CommandFailure.badInput) }
    }
}

/// The messages `dsr intake` takes in with one transaction (one fsync): up to 200, or 16 MiB.
struct IntakeBatch {
    private var messages: [FoundMessage] = []
    private var bytes = 0

    var isFull: Bool { messages.count >= 200 || bytes >= 16 << 20 }

    mutating func add(_ message: FoundMessage) {
        messages.append(message)
        bytes += message.bytes.count
    }

    /// Takes the messages in (those refused unread stay refused); their outcomes and places in
    /// order. The batch is empty afterwards.
    mutating func takeIn(_ session: Session) throws -> [(IntakeOutcome, String)] {
        let offered = messages.filter { $0.refusal == nil }.map {
            OfferedMessage(bytes: $0.bytes, origin: $0.origin, delivered: $0.delivered)
        }
        var outcomes = try session.takeIn(offered).makeIterator()
        let result = messages.map { found in
            (found.refusal.map { IntakeOutcome.refused($0) } ?? outcomes.next()!, found.place)
        }
        messages.removeAll(keepingCapacity: true)
        bytes = 0
        return result
    }
}

/// What `dsr intake` did with each message (its `--json`).
struct IntakeReport: Encodable {
    struct Duplicate: Encodable {
        let item: Int
        let place: String
    }

    struct Refusal: Encodable {
        let place: String
        let reason: String
    }

    var taken: [InboxItemJSON] = []
    var duplicates: [Duplicate] = []
    var refused: [Refusal] = []

    mutating func add(_ outcome: IntakeOutcome, place: String) {
        switch outcome {
        case .taken(let item): taken.append(InboxItemJSON(item))
        case .duplicate(let item): duplicates.append(Duplicate(item: item.id, place: place))
        case .refused(let reason): refused.append(Refusal(place: place, reason: reason))
        }
    }

    /// The line printed for one message as it is taken in.
    func line(_ outcome: IntakeOutcome, _ place: String, _ printer: InboxOutput) -> String {
        let lang = printer.language
        switch outcome {
        case .taken(let item): return printer.line(item) + "\n"
        case .duplicate(let item):
            return lang.pick(
                "doppelt, gezählt bei #\(item.id): \(place)\n", "duplicate, counted on #\(item.id): \(place)\n")
        case .refused(let reason):
            return lang.pick("abgelehnt: \(place): \(reason)\n", "refused: \(place): \(reason)\n")
        }
    }

    func summary(_ lang: Language) -> String {
        lang.pick(
            "Eingelesen: \(taken.count) neu, \(duplicates.count) doppelt, \(refused.count) abgelehnt\n",
            "Taken in: \(taken.count) new, \(duplicates.count) duplicates, \(refused.count) refused\n")
    }
}

extension MboxVariant: ExpressibleByArgument {}
