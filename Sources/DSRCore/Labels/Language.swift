/// The language of what people read: the CLI's text, letters, the HTML pages.
public enum Language: String, Sendable, CaseIterable {
    case de, en

    /// The German or the English text.
    public func pick(_ german: String, _ english: String) -> String {
        self == .de ? german : english
    }
}
