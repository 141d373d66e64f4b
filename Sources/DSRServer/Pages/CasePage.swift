import DSRApp
import DSRCore

/// The values of a case page: the facts, the schedule, the findings, the timeline, and what
/// each step's form offers.
struct CasePage {
    let detail: CaseDetail
    let views: Views
    let assignees: [String]

    var language: Language { views.language }

    func values() -> [String: Any] {
        let state = detail.state
        let schedule = detail.schedule
        let t = PageTexts.words(language)
        let vault = { (field: PersonalField) -> String? in
            detail.personal.current(field)?.display(
                erased: language.pick("(gelöscht)", "(erased)"), sealed: language.pick("(versiegelt)", "(sealed)"))
        }
        var values: [String: Any] = [
            "id": state.id.rawValue,
            "status": detail.status.label(language), "statusKey": detail.status.rawValue,
            "kinds": state.kinds.map { $0.label(language) }.joined(separator: ", "),
            "channel": state.channel.label(language),
            "received": views.instant(state.receivedAt),
            "receiptDate": views.date(schedule.receiptDate),
            "deadline": views.date(schedule.dueDate),
            "deadlineEnd": views.instant(schedule.dueEnd),
            "internalDue": views.instant(schedule.internalDue),
            "pausedDays": schedule.pausedDays,
            "officeHoursLeft": views.format.hours(schedule.officeHoursLeft),
            "explanation": explanation(),
            "active": state.isActive, "open": state.lifecycle == .open,
            "findings": detail.findings.map { $0.label(language) },
            "hasFindings": !detail.findings.isEmpty,
            "timeline": detail.events.reversed().map(timelineRow),
            "kindChoices": state.unansweredKinds.map { ["value": $0.rawValue, "label": $0.label(language)] },
            "outcomeChoices": Outcome.allCases.map { ["value": $0.rawValue, "label": $0.label(language)] },
            "routeChoices": [Channel.email, .post].filter { $0 != state.channel }.map {
                ["value": $0.rawValue, "label": $0.label(language)]
            },
            "assigneeChoices": assignees.map { ["value": $0, "selected": $0 == state.assignee] },
            "forwardChoices": detail.engine.policy.jointControllers.map { ["value": $0.id, "label": $0.name] },
            "simpleSteps": simpleSteps(t),
            "hasKindChoices": !state.unansweredKinds.isEmpty,
            "hasForwardChoices": !detail.engine.policy.jointControllers.isEmpty,
            "sameChannel": t["sameChannel"]! + " (" + state.channel.label(language) + ")",
        ]
        if let extended = schedule.extendedDeadline, schedule.extensionState != .inEffect, state.isActive {
            values["extensionUntil"] = views.date(extended)
        }
        if let due = schedule.acknowledgementDue { values["ackDue"] = views.instant(due) }
        if let assignee = state.assignee { values["assignee"] = assignee }
        values["subject"] = vault(.subject)
        values["contact"] = vault(.contact)
        values["reference"] = vault(.reference)
        if let evidence = detail.receiptEvidence { values["evidence"] = evidenceValues(evidence) }
        return values
    }

    /// How a case opened from the inbox came by its moment of receipt.
    private func evidenceValues(_ evidence: CaseReceiptEvidence) -> [String: Any] {
        let inbox = InboxViews(views: views)
        var values: [String: Any] = [
            "item": evidence.item, "sha256": evidence.sha256, "source": inbox.source(evidence.source),
            "candidates": inbox.candidates(evidence.candidates, chosen: false),
            "doubts": evidence.doubts.map(inbox.flag), "hasDoubts": !evidence.doubts.isEmpty,
        ]
        if let reason = evidence.reason { values["reason"] = inbox.text(reason) }
        return values
    }

    /// The steps without fields of their own, for an open case: each one button.
    private func simpleSteps(_ t: [String: String]) -> [[String: String]] {
        let state = detail.state
        var steps: [(String, String)] = []
        if state.isActive {
            steps += [("ack", "ack"), ("identity-request", "identityRequest"), ("identity-confirm", "identityConfirm")]
            steps += [("clarify-request", "clarifyRequest"), ("clarify-receive", "clarifyReceive")]
            steps += [("notify-recipients", "notifyRecipients"), ("withdraw", "withdraw")]
        }
        steps.append(("close", "close"))
        return steps.map { ["step": $0.0, "label": t[$0.1]!] }
    }

    /// Why the deadline falls where it does: receipt day, the period, the days moved over.
    private func explanation() -> String {
        let schedule = detail.schedule
        let words = DeadlineExplanation(engine: detail.engine, format: views.format)
        var parts: [String] = []
        parts.append(
            language.pick("Eingangstag ", "Receipt day ") + views.format.date(schedule.receiptDate)
                + (schedule.officeReceipt > detail.state.receivedAt
                    ? language.pick(
                        " (im Büro eingegangen: \(views.format.instant(schedule.officeReceipt)))",
                        " (reached the office: \(views.format.instant(schedule.officeReceipt)))") : ""))
        if let kind = detail.state.kinds.first { parts.append(words.rule(for: kind)) }
        if let moved = words.roll(schedule) { parts.append(moved) }
        if schedule.pausedDays > 0 {
            parts.append(language.pick("\(schedule.pausedDays) Tage angehalten", "\(schedule.pausedDays) days paused"))
        }
        return parts.joined(separator: "; ") + "."
    }

    private func timelineRow(_ record: EventRecord) -> [String: Any] {
        var row: [String: Any] = [
            "when": views.instant(record.occurredAt), "what": record.event.label(language), "who": record.actor,
        ]
        let notes = detail.personal.fields(of: record.id).filter { $0.field == .note || $0.field == .reason }
        if let note = notes.first {
            row["note"] = note.value.display(
                erased: language.pick("(gelöscht)", "(erased)"), sealed: language.pick("(versiegelt)", "(sealed)"))
        }
        return row
    }
}
