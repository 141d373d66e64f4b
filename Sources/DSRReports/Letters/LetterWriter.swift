import DSRCore

/// Fills a letter template with a case's facts and wraps it in the layout of its way of
/// sending.
public enum LetterWriter {
    /// The way a letter to `route` goes out in the requested format: a social network's
    /// message function takes plain text only.
    public static func variant(route: Channel, html: Bool) throws -> LetterVariant {
        guard route.isSocialNetwork else { return html ? .html : .text }
        guard !html else {
            throw ReportError.letterRefused(
                "a message through \(route.germanName) is plain text: use --format text, or --channel email or post")
        }
        return .social
    }

    /// The text of letter `letter` for `input`, in the language and way of sending given.
    /// Refused while a placeholder is empty or the case does not allow the letter.
    public static func render(
        _ letter: String, variant: LetterVariant, input: LetterInput, templates: LetterTemplates
    ) throws -> String {
        let language = input.german ? "de" : "en"
        let letterFile = try templates.letterFile(letter, language: language)
        let missing = templates.placeholders(in: letterFile).filter { (input.fills[$0] ?? "").isEmpty }
        guard missing.isEmpty else {
            throw ReportError.letterRefused(
                "letter '\(letter)' has empty placeholders; give --fill KEY=TEXT for: \(missing.joined(separator: ", "))"
            )
        }
        try LetterRules.check(letter, input: input)
        let html = variant == .html
        var context = try input.context(letter: letter, variant: variant)
        let rendered = try templates.compile(letterFile, html: html).render(context)
        var lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let subject = lines.isEmpty ? "" : String(lines.removeFirst())
        let text = lines.joined(separator: "\n").trimmingBlankLines
        context["subject"] = subject
        context["body"] = html ? Paragraphs.html(text) : text
        let layout = LetterTemplates.layoutFile(language: language, variant: variant)
        let letterText = try templates.compile(layout, html: html).render(context)
        return letterText.hasSuffix("\n") ? letterText : letterText + "\n"
    }
}

extension String {
    /// Without blank lines at the start and the end.
    fileprivate var trimmingBlankLines: String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false)
        while lines.first?.allSatisfy(\.isWhitespace) == true { lines.removeFirst() }
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

/// Plain-text paragraphs as HTML: blocks separated by blank lines become `<p>`, with line
/// breaks kept; a block whose first line starts with `- ` becomes a list, each `- ` line an
/// item and the lines after it part of that item. The text is already HTML-escaped.
enum Paragraphs {
    /// The HTML of `text` (see the type's description).
    static func html(_ text: String) -> String {
        var blocks: [[Substring]] = [[]]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !(blocks.last?.isEmpty ?? true) { blocks.append([]) }
            } else {
                blocks[blocks.count - 1].append(line)
            }
        }
        return blocks.filter { !$0.isEmpty }.map { lines in
            guard lines[0].hasPrefix("- ") else { return "<p>" + lines.joined(separator: "<br>\n") + "</p>" }
            var items: [[Substring]] = []
            for line in lines {
                if line.hasPrefix("- ") {
                    items.append([line.dropFirst(2)])
                } else {
                    items[items.count - 1].append(line)
                }
            }
            return "<ul>\n" + items.map { "<li>" + $0.joined(separator: "<br>\n") + "</li>" }.joined(separator: "\n")
                + "\n</ul>"
        }.joined(separator: "\n")
    }
}

/// What the case must allow before some letters can be written (the law's conditions).
enum LetterRules {
    /// Refuses `letter` when the case as recorded does not allow it.
    static func check(_ letter: String, input: LetterInput) throws {
        let id = input.state.id
        switch letter {
        case "fristverlaengerung":
            // Art. 12(3): the person is told of an extension, with reasons, within one month.
            guard input.schedule.extendedDeadline != nil else {
                throw ReportError.letterRefused("case \(id): its requests have no statutory extension")
            }
            // `--at` dates the letter, as every step may be dated; the event's recordedAt
            // shows an audit when it was really produced.
            guard input.at <= input.schedule.deadlineEnd else {
                throw ReportError.letterRefused(
                    "case \(id): the one-month period ended on \(input.schedule.deadline); an extension can no longer be notified (Art. 12(3) GDPR)"
                )
            }
            guard try (input.reasons ?? input.latest(.reason)) != nil else {
                throw ReportError.letterRefused(
                    "case \(id): an extension needs its reasons; give --reason or record them with dsr extend")
            }
        case "ablehnung", "teilablehnung":
            let answers = input.state.answers.values
            guard answers.contains(where: { $0.outcome.needsReasons }) else {
                throw ReportError.letterRefused(
                    "case \(id): no refusal on record; record it first (dsr answer --outcome refused|partial --basis …)"
                )
            }
            // A full refusal only when every request is answered and refused; otherwise part of
            // the case is granted and the person gets the partial-refusal letter.
            let refusedWhole = input.state.unansweredKinds.isEmpty && answers.allSatisfy { $0.outcome == .refused }
            if letter == "ablehnung", !refusedWhole {
                throw ReportError.letterRefused("case \(id): not every request is refused; write teilablehnung")
            }
            if letter == "teilablehnung", refusedWhole {
                throw ReportError.letterRefused("case \(id): every request is refused; write ablehnung")
            }
        case "auskunft":
            guard input.state.kinds.contains(.access) else {
                throw ReportError.letterRefused("case \(id): it has no access request (Art. 15)")
            }
            if let answer = input.state.answers[.access], [.refused, .noData].contains(answer.outcome) {
                throw ReportError.letterRefused(
                    "case \(id): the access request was answered '\(answer.outcome.rawValue)'; an Art. 15 cover letter does not fit"
                )
            }
        case "bestaetigung":
            guard
                input.state.answers.contains(where: {
                    [.rectification, .erasure, .restriction].contains($0.key) && $0.value.outcome == .granted
                })
            else {
                throw ReportError.letterRefused(
                    "case \(id): no rectification, erasure or restriction granted on record; record the answer first")
            }
        default:
            if letter.hasPrefix("weiterleitung-"), input.jointController(for: letter) == nil {
                throw ReportError.letterRefused(
                    "the policy names no joint controller '\(letter.dropFirst("weiterleitung-".count))'")
            }
        }
    }
}
