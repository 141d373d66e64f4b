import DSRCore
import DSRLedger
import DSRXML
import Foundation

/// The audit export for the data protection officer (`Policies/dsr-audit.xsd`): the policies
/// in force, the period, every case with every event and the columns its hash is computed
/// from, the summary, and the chain's head and verification — written as a stream.
public enum AuditXMLExport {
    public static let namespace = "urn:dsr:audit:1"

    /// Writes the export to `path` (`-` for standard output); `awaitVerification` gives the
    /// chain's verification when the integrity section is written (it may run meanwhile).
    public static func write(
        _ input: ReportInput, to path: String, verification awaitVerification: () throws -> VerificationReport
    ) throws {
        let xml = try XMLStreamWriter(path: path)
        let zone = input.currentEngine.zone
        try xml.start("audit", namespace: namespace)
        try xml.attribute("version", "1")
        try xml.attribute("generated", ISOFormat.utc(input.now))
        try xml.attribute("exportedBy", input.actor)
        try xml.attribute("personalData", input.includePersonalData ? "true" : "false")
        try xml.attribute("timeZone", zone.identifier)

        try xml.start("period")
        try xml.attribute("from", input.from.description)
        try xml.attribute("to", input.to.description)
        try xml.end()

        let controller = input.policy.controller
        try xml.start("controller")
        try xml.attribute("name", controller.name)
        try xml.attribute("unit", controller.unit)
        try xml.attribute("address", "\(controller.street), \(controller.postalCode) \(controller.city)")
        try xml.attribute("email", controller.email)
        try xml.end()

        for policy in try input.records.policies() {
            try xml.start("policy")
            try xml.attribute("hash", policy.hash)
            try xml.attribute("source", policy.source)
            try xml.text(policy.text)
            try xml.end()
        }

        var figures = ReportFigures()
        try input.forEachCase { item in
            figures.add(item, at: input.now)
            try writeCase(item, to: xml, input: input)
        }

        try xml.start("summary")
        for (name, value) in [
            ("cases", figures.cases), ("answeredOnTime", figures.answeredOnTime),
            ("answeredLate", figures.answeredLate),
            ("open", figures.open), ("overdue", figures.overdue), ("withdrawn", figures.withdrawn),
            ("extended", figures.extended), ("refused", figures.refused),
        ] {
            try xml.attribute(name, String(value))
        }
        try xml.end()

        let verification = try awaitVerification()
        try xml.start("integrity")
        try xml.attribute("chainEvents", String(verification.events))
        try xml.attribute("head", verification.head)
        try xml.attribute("verified", verification.isIntact ? "true" : "false")
        if let problem = verification.problem { try xml.attribute("problem", problem.description) }
        try xml.end()

        try xml.end()
        try xml.finish()
    }

    private static func writeCase(_ item: ReportCase, to xml: XMLStreamWriter, input: ReportInput) throws {
        let state = item.state
        let schedule = item.schedule
        let zone = item.engine.zone
        try xml.start("case")
        try xml.attribute("id", state.id.rawValue)
        try xml.attribute("kinds", state.kinds.map(\.rawValue).joined(separator: " "))
        try xml.attribute("channel", state.channel.rawValue)
        try xml.attribute("received", ISOFormat.utc(state.receivedAt))
        try xml.attribute("receiptDate", schedule.receiptDate.description)
        try xml.attribute("deadline", schedule.deadline.description)
        if let extended = schedule.extendedDeadline { try xml.attribute("extendedDeadline", extended.description) }
        try xml.attribute("extension", schedule.extensionState.rawValue)
        try xml.attribute("dueDate", schedule.dueDate.description)
        try xml.attribute("internalDue", ISOFormat.zoned(schedule.internalDue, zone: zone))
        try xml.attribute("status", item.status.rawValue)
        if let assignee = state.assignee { try xml.attribute("assignee", assignee) }
        try xml.attribute("policy", state.policyHash)
        if input.includePersonalData {
            for field in [PersonalField.subject, .contact, .reference] {
                if let value = item.personalField(field, erased: "[purged]") { try xml.element(field.rawValue, value) }
            }
        }
        for kind in state.kinds {
            guard let answer = state.answers[kind] else { continue }
            try xml.start("answer")
            try xml.attribute("kind", kind.rawValue)
            try xml.attribute("outcome", answer.outcome.rawValue)
            if let basis = answer.basis { try xml.attribute("basis", basis) }
            try xml.attribute("at", ISOFormat.utc(answer.at))
            try xml.end()
        }
        for event in item.exported.events {
            let record = event.record
            try xml.start("event")
            try xml.attribute("id", String(record.id.rawValue))
            try xml.attribute("kind", record.event.kind)
            try xml.attribute("occurredAt", ISOFormat.utc(record.occurredAt))
            try xml.attribute("recordedAt", ISOFormat.utc(record.recordedAt))
            try xml.attribute("actor", record.actor)
            try xml.attribute("prevHash", event.prevHashHex)
            try xml.attribute("hash", event.hashHex)
            try xml.element("payload", event.payload)
            if input.includePersonalData {
                for (field, value) in item.exported.personal.fields(of: record.id) {
                    try xml.start("personal")
                    try xml.attribute("field", field.rawValue)
                    if value == .erased { try xml.attribute("purged", "true") }
                    try xml.text(value.display(erased: "", sealed: ""))
                    try xml.end()
                }
            }
            try xml.end()
        }
        try xml.end()
    }
}
