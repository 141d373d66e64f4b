import DSRCore

extension Session {
    /// Where each of the policy's recurring duties stands on each of its channels at `moment`.
    public func dutyStatuses(at moment: Instant? = nil) throws -> [DutyStatus] {
        try require(.listDuties)
        return try AppError.mapping {
            try tracker.store.dutyStatuses(tracker.policy.policy.duties, at: moment ?? now, zone: tracker.engine.zone)
        }
    }

    /// Records that a duty of the policy was done on one of its channels, at `moment`
    /// (default now), with the public address of the post or notice if there is one.
    public func recordDutyDone(duty name: String, channel: String, link: String?, at moment: Instant? = nil) throws {
        try require(.recordDuty)
        let duties = tracker.policy.policy.duties
        guard let duty = duties.first(where: { $0.id == name }) else {
            let known = duties.map(\.id).joined(separator: ", ")
            throw AppError(.badInput, "the policy names no duty '\(name)' (known: \(known.isEmpty ? "none" : known))")
        }
        guard duty.channels.contains(channel) else {
            throw AppError(
                .badInput,
                "duty '\(name)' is not done on '\(channel)' (its channels: \(duty.channels.joined(separator: ", ")))")
        }
        if let link {
            guard link.count <= 2000, link.hasPrefix("https://") || link.hasPrefix("http://"),
                !link.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F })
            else { throw AppError(.badInput, "the link must be an http(s) address without spaces") }
        }
        let at = moment ?? now
        try AppError.mapping {
            try StepRules.refuseFuture(at, now: now, what: "the moment the duty was done")
            try tracker.store.recordDutyDone(duty: name, channel: channel, link: link, at: at, actor: actor, now: now)
        }
    }
}
