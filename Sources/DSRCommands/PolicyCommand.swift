import ArgumentParser
import DSRCore
import DSRReports
import DSRXML
import Foundation

/// `dsr policy`: work with policy files.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Check policy files.",
        subcommands: [PolicyCheckCommand.self])
}

/// `dsr policy check FILE`: validates a policy and the letter templates in force with it,
/// and prints a one-screen summary.
struct PolicyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a policy file and the letter templates, and summarise them (exit 65 when invalid).")

    @Argument(help: ArgumentHelp("The policy file.", valueName: "file"))
    var file: String

    @Option(name: .long, help: "Language of the summary: de or en.")
    var lang: Language = .de

    @OptionGroup var templates: TemplateOptions

    func run() throws {
        let loaded = try PolicyLoader.load(path: file)
        let letters = try templates.load(besidePolicy: file)
        try letters.check()
        let engine = try DeadlineEngine(policy: loaded.policy, holidayRules: loaded.holidayRules)
        let text =
            PolicySummary(
                policy: loaded.policy, format: HumanFormat(language: lang, zone: engine.zone)
            ).render(file: file) + lang.pick("Briefvorlagen geprüft: ", "Letter templates checked: ")
            + "\(letters.files.count) (\(letters.origin))\n"
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// A one-screen summary of a policy.
struct PolicySummary {
    let policy: Policy
    let format: HumanFormat

    func render(file: String) -> String {
        let lang = format.language
        let controller = policy.controller
        var lines: [String] = []
        lines.append(lang.pick("Policy gültig: \(file)", "Policy valid: \(file)"))
        lines.append(lang.pick("Verantwortlicher: ", "Controller: ") + "\(controller.name), \(controller.unit)")
        lines.append("  \(controller.building), \(controller.street), \(controller.postalCode) \(controller.city)")
        lines.append("  \(controller.email) · \(controller.phone)")
        lines.append(
            lang.pick("Zeitzone / Land: ", "Time zone / Land: ")
                + "\(policy.timeZone) / \(policy.land.rawValue) (\(policy.land.name))")
        if !policy.localHolidays.isEmpty {
            lines.append(
                lang.pick("Örtliche Feiertage: ", "Local holidays: ")
                    + policy.localHolidays.map(\.name).joined(separator: ", "))
        }
        let hours = Weekday.allCases.compactMap { weekday -> String? in
            let sessions = policy.officeHours.sessions(on: weekday)
            guard !sessions.isEmpty else { return nil }
            return format.weekdayName(weekday) + " "
                + sessions.map { "\($0.opens)–\($0.closes)" }.joined(separator: ", ")
        }
        lines.append(lang.pick("Bürozeiten: ", "Office hours: ") + hours.joined(separator: "; "))
        lines.append(
            lang.pick("Schließtage: ", "Closures: ")
                + (policy.closures.isEmpty ? "–" : policy.closures.map(\.name).joined(separator: ", ")))
        lines.append(
            lang.pick("Eingangsregel: ", "Receipt rule: ") + policy.receiptRule.rawValue + " · "
                + lang.pick("Fristhemmung: ", "clock stop: ") + policy.clockStop.rawValue)
        for kind in RequestKind.allCases {
            let rule: String
            switch policy.deadlineRule(for: kind) {
            case .claimantSet:
                rule = lang.pick("vom Anspruchsteller gesetzt", "set by the claimant")
            case .period(let period, let extensionPeriod):
                rule = format.period(period) + (extensionPeriod.isZero ? "" : " + " + format.period(extensionPeriod))
            }
            lines.append("  \(lang.pick(kind.germanName, kind.englishName)): \(rule)")
        }
        lines.append(
            lang.pick("Eskalation unter ", "Escalation below ") + "\(policy.escalationOfficeHours) "
                + lang.pick("Bürostunden", "office hours")
                + " · " + lang.pick("Eingangsbestätigung binnen ", "acknowledgement within ")
                + "\(policy.acknowledgementOfficeDays) " + lang.pick("Bürotag(en)", "office day(s)")
                + " · " + lang.pick("Aufbewahrung ", "retention ") + format.period(policy.retention))
        lines.append(
            lang.pick("Kanäle: ", "Channels: ")
                + policy.channels.map { channel in
                    channel.name + (channel.account.map { " (\($0))" } ?? "")
                }.joined(separator: ", "))
        for joint in policy.jointControllers {
            lines.append(
                lang.pick("Gemeinsam Verantwortlicher: ", "Joint controller: ") + "\(joint.name) (\(joint.scope)), "
                    + lang.pick("Weiterleitungsfrist ", "forward within ") + format.period(joint.forwardWithin))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
