import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body or query, in order; a name may
/// repeat (`kind=access&kind=erasure`).
struct FormFields: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    /// Reads a form body; nil if it is not valid UTF-8 or has a broken percent escape.
    init?(_ text: String) {
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(pieces[0]),
                let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            else { return nil }
            pairs.append((name, value))
        }
    }

    /// The fields of a request's query, read like a form (`+` is a space); a broken query
    /// has no fields.
    init(query request: Request) {
        self = FormFields(request.uri.query ?? "") ?? FormFields(pairs: [])
    }

    init(pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    /// The first value of a field, nil if it is missing.
    subscript(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// A field's value with blanks trimmed, nil if missing or blank.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// Every value of a repeated field.
    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
