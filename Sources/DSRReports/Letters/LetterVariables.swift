/// The variables a letter template may use (README.md lists them with their meaning).
/// `dsr policy check` refuses a template that names any other.
enum LetterVariables {
    /// Single values and flags.
    static let names: Set<String> = [
        "case_id", "name", "contact", "date", "received", "channel", "route", "social", "clock_restarts",
        "one_month_in_force", "requests_text",
        "deadline", "deadline_iso", "one_month_deadline", "extended_deadline", "reasons",
        "recipients_notified", "forward_by", "office_hours", "controller", "joint_controller", "requests",
        "refusals", "done", "fill",
    ]
    /// Lists, with the fields of their items.
    static let lists: [String: Set<String>] = [
        "requests": ["kind", "article"],
        "refusals": ["kind", "article", "outcome", "basis"],
        "done": ["kind", "article", "outcome"],
    ]
    /// Groups, with their fields (`controller.email`).
    static let groups: [String: Set<String>] = [
        "controller": ["name", "unit", "building", "street", "postal_code", "city", "email", "phone"],
        "joint_controller": ["name", "scope"],
    ]
    /// What only a layout has: the letter's subject and text, already rendered.
    static let layoutOnly: Set<String> = ["subject", "body"]

    /// The clerk's placeholders: `fill.KEY`, filled with `--fill KEY=VALUE`.
    static let fillPrefix = "fill."

    /// Whether `name` means something in a template inside the sections `scope` (outermost
    /// first).
    static func isKnown(_ name: String, scope: [String], layout: Bool) -> Bool {
        if name == "." { return !scope.isEmpty }
        if name.hasPrefix(fillPrefix) {
            return name.dropFirst(fillPrefix.count).range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2 { return groups[parts[0]]?.contains(parts[1]) ?? false }
        guard parts.count == 1 else { return false }
        if names.contains(name) || (layout && layoutOnly.contains(name)) { return true }
        return scope.contains { lists[$0]?.contains(name) ?? false || groups[$0]?.contains(name) ?? false }
    }
}
