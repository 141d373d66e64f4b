/// Address lists (RFC 5322 §3.4) read leniently: `"Müller, Hans" <hans@example.org>`,
/// `hans@example.org (Hans)`, groups (`undisclosed-recipients:;`, whose name is dropped),
/// encoded words in names, routes in angle brackets, blanks inside addresses.
enum AddressList {
    /// What one list item has gathered until its `,` or `;`.
    private struct Item {
        var phrase: [[UInt8]] = []
        var comments: [[UInt8]] = []
        var angle: [UInt8]?
        var bare: [UInt8] = []
    }

    /// The addresses of a header value, in order; items without an address are skipped.
    static func parse(_ value: [UInt8], flags: inout Set<MailFlag>) -> [MailAddress] {
        let decoded = TextDecoder.unlabelled(value)
        if decoded.fellBack { flags.insert(.charsetFallback) }
        let bytes = Array(decoded.text.utf8)
        var addresses: [MailAddress] = []
        var item = Item()
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case ASCII.quote:
                let (text, end) = quoted(bytes, from: index + 1)
                item.phrase.append(text)
                item.bare.append(contentsOf: text)
                index = end
            case ASCII.openParen:
                let (text, end) = comment(bytes, from: index + 1)
                item.comments.append(text)
                index = end
            case ASCII.lessThan:
                let end = bytes[(index + 1)...].firstIndex(of: ASCII.greaterThan) ?? bytes.count
                item.angle = Array(bytes[(index + 1)..<end])
                index = end + 1
            case ASCII.comma, ASCII.semicolon:
                if let address = finish(item, flags: &flags) { addresses.append(address) }
                item = Item()
                index += 1
            case ASCII.colon:
                item = Item()
                index += 1
            case _ where ASCII.isWhitespace(byte):
                index += 1
            default:
                let start = index
                while index < bytes.count, !isSpecial(bytes[index]) { index += 1 }
                item.phrase.append(Array(bytes[start..<index]))
                item.bare.append(contentsOf: bytes[start..<index])
            }
        }
        if let address = finish(item, flags: &flags) { addresses.append(address) }
        return addresses
    }

    /// The address an item names: the one in angle brackets with the phrase as its name (else a
    /// comment); else a word that is an address among other words (the name); else the bare
    /// address (words joined, with an `@`) with its comment as the name.
    private static func finish(_ item: Item, flags: inout Set<MailFlag>) -> MailAddress? {
        let address: [UInt8]
        var nameBytes: [UInt8]?
        if let angle = item.angle {
            let route = angle.lastIndex(of: ASCII.colon).map { angle.index(after: $0) } ?? angle.startIndex
            address = angle[route...].filter { !ASCII.isWhitespace($0) }
            nameBytes = item.phrase.isEmpty ? item.comments.first : Array(item.phrase.joined(separator: [ASCII.space]))
        } else if let word = item.phrase.last(where: isWholeAddress), item.phrase.count > 1 {
            // `Hans Müller hans@example.org`: no brackets, but one word is an address.
            address = word
            let others = item.phrase.filter { !isWholeAddress($0) }
            nameBytes = others.isEmpty ? item.comments.first : Array(others.joined(separator: [ASCII.space]))
        } else {
            guard item.bare.contains(ASCII.at) else { return nil }
            address = item.bare
            nameBytes = item.comments.first
        }
        guard !address.isEmpty else { return nil }
        let name = nameBytes.map { EncodedWords.decode($0[...], flags: &flags).trimmingASCIIBlanks() }
        return MailAddress(name: name?.isEmpty == false ? name : nil, address: ASCII.string(address))
    }

    /// Whether a word is an address by itself: text, `@`, text.
    private static func isWholeAddress(_ word: [UInt8]) -> Bool {
        guard let at = word.firstIndex(of: ASCII.at) else { return false }
        return at > 0 && at < word.count - 1
    }

    /// The content of a quoted string from `start` (after its `"`), escapes removed, and the
    /// index after its closing quote.
    private static func quoted(_ bytes: [UInt8], from start: Int) -> ([UInt8], Int) {
        var text: [UInt8] = []
        var index = start
        while index < bytes.count, bytes[index] != ASCII.quote {
            if bytes[index] == ASCII.backslash, index + 1 < bytes.count { index += 1 }
            text.append(bytes[index])
            index += 1
        }
        return (text, index + 1)
    }

    /// The content of a comment from `start` (after its `(`), nested comments kept as text, and
    /// the index after its closing parenthesis.
    private static func comment(_ bytes: [UInt8], from start: Int) -> ([UInt8], Int) {
        var text: [UInt8] = []
        var depth = 1
        var index = start
        while index < bytes.count {
            var byte = bytes[index]
            if byte == ASCII.backslash, index + 1 < bytes.count {
                index += 1
                byte = bytes[index]
            } else if byte == ASCII.openParen {
                depth += 1
            } else if byte == ASCII.closeParen {
                depth -= 1
                if depth == 0 { break }
            }
            text.append(byte)
            index += 1
        }
        return (text, index + 1)
    }

    /// Whether a byte ends an atom: blanks and the specials that structure a list.
    private static func isSpecial(_ byte: UInt8) -> Bool {
        ASCII.isWhitespace(byte)
            || [ASCII.quote, ASCII.openParen, ASCII.lessThan, ASCII.comma, ASCII.semicolon, ASCII.colon].contains(byte)
    }
}
