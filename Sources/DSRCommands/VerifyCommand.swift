import ArgumentParser
import DSRApp
import DSRCore
import Foundation

/// `dsr verify`: walks the hash chain. Exit 0 and the head hash when intact; exit 1 naming
/// the first event that was changed, removed, inserted or reordered.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check that the case log was not altered (exit 1 if it was).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = try store.session(policy: policy, for: .verifyLog).verify()
        if output.json {
            try OrderedJSONEncoder.print(
                VerifyJSON(
                    intact: report.isIntact, events: report.events, head: report.head,
                    purgedRecords: report.purgedRecords, sealedUnchecked: report.sealedUnchecked,
                    problem: report.problem?.description))
        } else if report.isIntact {
            let lang = output.lang
            let text =
                lang.pick("Kette intakt: ", "Chain intact: ") + "\(report.events) "
                + lang.pick("Ereignisse", "events")
                + (report.purgedRecords > 0
                    ? lang.pick(
                        ", \(report.purgedRecords) gelöschte Personendaten-Einträge",
                        ", \(report.purgedRecords) purged personal-data records") : "")
                + (report.sealedUnchecked > 0
                    ? lang.pick(
                        ", \(report.sealedUnchecked) verschlüsselte Einträge ungeprüft (kein Tresorschlüssel)",
                        ", \(report.sealedUnchecked) sealed records unchecked (no vault key)") : "")
                + "\n" + lang.pick("Kopf: ", "Head: ") + report.head + "\n"
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if let problem = report.problem {
            throw CommandFailure(message: "verification failed: \(problem)", exitCode: 1)
        }
    }
}

/// `dsr verify --json`.
private struct VerifyJSON: Encodable {
    let intact: Bool
    let events: Int
    let head: String
    let purgedRecords: Int
    let sealedUnchecked: Int
    let problem: String?

    enum CodingKeys: String, CodingKey {
        case intact, events, head
        case purgedRecords = "purged_records"
        case sealedUnchecked = "sealed_unchecked"
        case problem
    }
}
