import DSRCore

/// Lists of request kinds as people type them.
public enum RequestKindList {
    /// Parses `Auskunft,Löschung` (or `+`, `/` between) into kinds, each once, in order. An
    /// unknown name or an empty item (`access,,`) is refused.
    public static func parse(_ text: String) throws -> [RequestKind] {
        let names = text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "+" || $0 == "/" })
        return try parse(names.map(String.init))
    }

    /// The kinds named one by one (a form's repeated `kind` fields), each once, in order.
    public static func parse(_ names: [String]) throws -> [RequestKind] {
        var kinds: [RequestKind] = []
        for name in names {
            let trimmed = name.trimmedBlanks
            guard !trimmed.isEmpty else {
                throw AppError(.badInput, "the list of request kinds has an empty item")
            }
            guard let kind = RequestKind(name: trimmed) else { throw AppError(DSRCoreError.unknownKind(trimmed))! }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        guard !kinds.isEmpty else { throw AppError(.badInput, "name at least one request kind") }
        return kinds
    }
}
