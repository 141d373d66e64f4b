import Mustache

/// The page templates, embedded at build time (`Web/*.mustache`), in one Mustache library so
/// pages share the `head` and `foot` partials. Every `{{value}}` is HTML-escaped by the engine.
struct Pages: Sendable {
    private let library: MustacheLibrary

    init() throws {
        var library = MustacheLibrary()
        for (name, text) in EmbeddedWebFiles.byName where name.hasSuffix(".mustache") {
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        self.library = library
    }

    /// The page `name` filled with `values`.
    func render(_ name: String, _ values: [String: Any]) -> String {
        guard let html = library.render(values, withTemplate: name) else {
            preconditionFailure("no page template \(name)")
        }
        return html
    }

    /// The stylesheet.
    static let stylesheet = EmbeddedWebFiles.byName["style.css"] ?? ""
}
