/// HTML reduced to text for reading: tags removed; `<script>`, `<style>` and `<head>` content
/// and comments dropped; line breaks for `<br>`, paragraphs, headings, `</div>`, `</tr>`,
/// list items; character references decoded; blanks collapsed as a browser would, and runs of
/// blank lines collapsed to one. One pass, no backtracking.
struct HTMLText {
    private let source: [Unicode.Scalar]
    private var output = String.UnicodeScalarView()
    private var pendingSpace = false
    private var index = 0

    /// Elements whose content is not text.
    private static let hidden: Set<String> = ["script", "style", "head", "title"]
    /// Elements that stand apart as paragraphs (a blank line around them).
    private static let paragraphs: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table"]
    /// Elements whose end (or, for list items and rules, start) breaks the line.
    private static let lineEnds: Set<String> = ["div", "tr", "ul", "ol", "li", "hr", "dt", "dd"]

    /// The text of an HTML document or fragment.
    static func reduce(_ html: String) -> String {
        var reducer = HTMLText(source: Array(html.unicodeScalars))
        reducer.run()
        return reducer.finished()
    }

    /// A reducer over the document's scalars.
    private init(source: [Unicode.Scalar]) {
        self.source = source
    }

    /// Reads the whole document into `output`.
    private mutating func run() {
        while index < source.count {
            let scalar = source[index]
            if scalar == "<" {
                readMarkup()
            } else if scalar == "&" {
                readReference()
            } else {
                emit(scalar)
                index += 1
            }
        }
    }

    /// Reads what starts at a `<`: a comment, a declaration, a tag, or a literal `<`.
    private mutating func readMarkup() {
        if starts(with: "<!--", at: index) {
            index = end(of: "-->", from: index + 4)
            return
        }
        var position = index + 1
        if position < source.count, source[position] == "!" || source[position] == "?" {
            index = end(of: ">", from: position)
            return
        }
        let closing = position < source.count && source[position] == "/"
        if closing { position += 1 }
        let nameStart = position
        while position < source.count, isASCIILetter(source[position]) || ("0"..."9").contains(source[position]) {
            position += 1
        }
        guard position > nameStart else {
            emit("<")
            index += 1
            return
        }
        let name = String(String.UnicodeScalarView(source[nameStart..<position])).lowercased()
        index = end(of: ">", from: position)
        if !closing, Self.hidden.contains(name) {
            index = hiddenContentEnd(name, from: index)
        } else if name == "br" {
            lineBreaks(1)
        } else if Self.paragraphs.contains(name) {
            lineBreaks(2)
        } else if Self.lineEnds.contains(name), closing != (name == "li" || name == "hr") {
            lineBreaks(1)
        } else if closing, name == "td" || name == "th" {
            pendingSpace = true
        }
    }

    /// Where the content of a hidden element ends: at its closing tag (which is then read as a
    /// tag), or for `<head>` also at `<body`; the end of the document if neither comes.
    private func hiddenContentEnd(_ name: String, from start: Int) -> Int {
        var position = start
        while position < source.count {
            if source[position] == "<" {
                if starts(with: "</" + name, at: position) || (name == "head" && starts(with: "<body", at: position)) {
                    return position
                }
            }
            position += 1
        }
        return position
    }

    /// Reads a character reference at `&`, or a literal `&` when none is there.
    private mutating func readReference() {
        var position = index + 1
        while position < source.count, position - index <= 10, isReferenceScalar(source[position]) { position += 1 }
        if position < source.count, source[position] == ";",
            let character = HTMLEntities.character(
                Substring(String(String.UnicodeScalarView(source[(index + 1)..<position]))))
        {
            emit(character)
            index = position + 1
        } else {
            emit("&")
            index += 1
        }
    }

    /// Adds a scalar of text: whitespace becomes one pending space, shown before the next text
    /// on the same line.
    private mutating func emit(_ scalar: Unicode.Scalar) {
        if scalar.properties.isWhitespace {
            pendingSpace = true
            return
        }
        if pendingSpace, let last = output.last, last != "\n" { output.append(" ") }
        pendingSpace = false
        output.append(scalar)
    }

    /// Ends the line (`count` line ends; runs are collapsed at the end).
    private mutating func lineBreaks(_ count: Int) {
        pendingSpace = false
        for _ in 0..<count { output.append("\n") }
    }

    /// The output with runs of blank lines as one blank line and no blank lines at either end.
    private func finished() -> String {
        var result = String.UnicodeScalarView()
        var newlines = 0
        for scalar in output {
            if scalar == "\n" {
                newlines += 1
                continue
            }
            // One at a time: appending a sequence to a scalar view copies the whole view.
            for _ in 0..<(result.isEmpty ? 0 : min(newlines, 2)) { result.append("\n") }
            newlines = 0
            result.append(scalar)
        }
        return String(result)
    }

    /// The index after the first `terminator` from `start`, or the end of the document.
    private func end(of terminator: String, from start: Int) -> Int {
        var position = start
        while position < source.count {
            if starts(with: terminator, at: position) { return position + terminator.unicodeScalars.count }
            position += 1
        }
        return position
    }

    /// Whether the document holds `text` at `position`, letters compared case-insensitively.
    private func starts(with text: String, at position: Int) -> Bool {
        var current = position
        for expected in text.unicodeScalars {
            guard current < source.count, lowercased(source[current]) == expected else { return false }
            current += 1
        }
        return true
    }

    /// The lowercase of an ASCII letter; other scalars unchanged.
    private func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 0x20) ?? scalar : scalar
    }

    /// Whether a scalar is an ASCII letter.
    private func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(lowercased(scalar)) }

    /// Whether a scalar may stand in a reference name (`#`, letters, digits).
    private func isReferenceScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "#" || isASCIILetter(scalar) || ("0"..."9").contains(scalar)
    }
}
