/// The tags of a Mustache template with their lines, as far as the letter check needs them.
struct TemplateTags {
    /// One `{{…}}` tag.
    struct Tag: Equatable {
        /// The sigil after the opening braces (`#`, `^`, `/`, `!`, `&`, `{`, `>`, …), or nil
        /// for a plain variable.
        var sigil: Character?
        var name: String
        var line: Int
    }

    /// The tags of `text`, in order (the text has already parsed, so every tag is closed).
    static func scan(_ text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            line += rest[rest.startIndex..<open.lowerBound].filter { $0 == "\n" }.count
            var inner = rest[open.upperBound...]
            let closing = inner.first == "{" ? "}}}" : "}}"
            guard let close = inner.range(of: closing) else { break }
            let content = inner[inner.startIndex..<close.lowerBound]
            var body = content.drop { $0 == " " }
            var sigil: Character?
            if let first = body.first, "#^/!&{>=%<$".contains(first) {
                sigil = first
                body = body.dropFirst()
            }
            tags.append(Tag(sigil: sigil, name: body.trimmingBlanks, line: line))
            line += content.filter { $0 == "\n" }.count
            inner = inner[close.upperBound...]
            rest = inner
        }
        return tags
    }
}

extension Substring {
    /// Without blanks at either end.
    fileprivate var trimmingBlanks: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
