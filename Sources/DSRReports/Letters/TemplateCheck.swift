extension LetterTemplates {
    /// Checks every template as `dsr policy check` does: names that follow the scheme, a
    /// layout for each way of sending in every language a letter is written in, Mustache
    /// syntax, and only the documented variables. Throws the first problem with its file
    /// and line.
    public func check() throws {
        for file in files.keys.sorted() {
            guard let parts = Self.parts(of: file) else {
                throw ReportError.template(
                    file: origin + file, line: 1,
                    message: "not a template name: use LETTER.LANG.mustache or layout.LANG.(text|html|social).mustache")
            }
            if parts.variant == nil {
                for variant in LetterVariant.allCases
                where files[Self.layoutFile(language: parts.language, variant: variant)] == nil {
                    throw ReportError.template(
                        file: origin + file, line: 1,
                        message: "no \(Self.layoutFile(language: parts.language, variant: variant)) for this language")
                }
            }
            _ = try compile(file, html: parts.variant == .html)
            try checkVariables(file, layout: parts.variant != nil)
        }
    }

    /// Refuses any tag that names no documented variable, and tags letters do not use
    /// (partials, inheritance, changed delimiters, pragmas). Unescaped output (`{{{…}}}`,
    /// `{{&…}}`) is for a layout's already rendered `subject` and `body` only, so no name
    /// reaches an HTML letter unescaped.
    func checkVariables(_ file: String, layout: Bool) throws {
        var scope: [String] = []
        for tag in TemplateTags.scan(files[file] ?? "") {
            func problem(_ message: String) -> ReportError {
                .template(file: origin + file, line: tag.line, message: message)
            }
            switch tag.sigil {
            case "!":
                continue
            case "/":
                scope.removeLast()
                continue
            case ">", "<", "$", "=", "%":
                throw problem("'{{\(tag.sigil!)' tags are not used in letter templates")
            case "{", "&":
                guard layout, LetterVariables.layoutOnly.contains(tag.name) else {
                    throw problem("only a layout's subject and body may be written unescaped, not \(tag.name)")
                }
            default:
                break
            }
            guard LetterVariables.isKnown(tag.name, scope: scope, layout: layout) else {
                throw problem("unknown variable \(tag.name)")
            }
            if tag.sigil == "#" || tag.sigil == "^" { scope.append(tag.name) }
        }
    }

    /// The clerk's placeholders a letter uses (`fill.KEY` → `KEY`), in order of appearance.
    func placeholders(in file: String) -> [String] {
        var keys: [String] = []
        for tag in TemplateTags.scan(files[file] ?? "") where tag.name.hasPrefix(LetterVariables.fillPrefix) {
            let key = String(tag.name.dropFirst(LetterVariables.fillPrefix.count))
            if !keys.contains(key) { keys.append(key) }
        }
        return keys
    }
}
