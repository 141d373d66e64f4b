extension PolicyLoader {
    /// The letter templates embedded from `Policies/templates/`, by path below that folder.
    public static func embeddedTemplates() -> [String: String] {
        var templates: [String: String] = [:]
        for (name, text) in EmbeddedPolicyFiles.byName where name.hasPrefix("templates/") {
            templates[String(name.dropFirst("templates/".count))] = text
        }
        return templates
    }
}
