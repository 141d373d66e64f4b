/// Reading a hop from its header.
extension ReceivedHop {
    /// Reads a `Received:` value (RFC 5321 §4.4): the host after `from` and after `by`
    /// (comments removed, lowercased, a trailing dot dropped), and the date after the last `;`.
    init(parsing value: [UInt8]) {
        let semicolon = value.lastIndex(of: ASCII.semicolon)
        let clauses = HeaderComments.removed(from: value[..<(semicolon ?? value.endIndex)])
        let words = clauses.split(whereSeparator: ASCII.isWhitespace).map { ASCII.string($0) }
        self.init(
            by: Self.host(after: "by", in: words),
            from: Self.host(after: "from", in: words),
            at: semicolon.flatMap { MailDate.parse(value[($0 + 1)...]) })
    }

    /// The word after the first `keyword` (case-insensitive), lowercased without a trailing dot.
    private static func host(after keyword: String, in words: [String]) -> String? {
        guard let position = words.firstIndex(where: { $0.lowercased() == keyword }), position + 1 < words.count else {
            return nil
        }
        var host = words[position + 1].lowercased()
        while host.hasSuffix(".") { host.removeLast() }
        return host.isEmpty ? nil : host
    }
}
