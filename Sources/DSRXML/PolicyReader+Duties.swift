import DSRCore

extension PolicyReader {
    /// The recurring duties of a schema-valid policy (`<duties>`, optional): each needs a
    /// recurrence that is not zero and names each channel once.
    func duties(from root: XMLElement) throws -> [Duty] {
        try (root.child("duties")?.children("duty") ?? []).map { element in
            let every = try period(element, "every")
            guard !every.isZero else { throw invalid(element, "a duty's 'every' must not be zero") }
            let channels = try attribute(element, "channels").split(separator: " ").map(String.init)
            guard Set(channels).count == channels.count else {
                throw invalid(element, "a duty names a channel twice")
            }
            guard let firstDue = CivilDate(iso: try attribute(element, "firstDue")) else {
                throw invalid(element, "'firstDue' must be a date like 2026-12-31")
            }
            return Duty(
                id: try attribute(element, "id"), name: try attribute(element, "name"), channels: channels,
                recurrence: every, firstDue: firstDue)
        }
    }
}
