import Foundation

/// Splits an SQL script into its statements: at each `;` outside quotes, `$$` bodies and
/// `--` comments (comments are dropped).
enum SQLScript {
    static func statements(of script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var inQuote = false
        var inDollarBody = false
        var characters = Array(script)[...]
        while let character = characters.popFirst() {
            if !inQuote && !inDollarBody && character == "-" && characters.first == "-" {
                while let next = characters.first, next != "\n" { characters.removeFirst() }
                continue
            }
            if !inQuote && character == "$" && characters.first == "$" {
                characters.removeFirst()
                current += "$$"
                inDollarBody.toggle()
                continue
            }
            if !inDollarBody && character == "'" { inQuote.toggle() }
            if !inQuote && !inDollarBody && character == ";" {
                statements.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        statements.append(current)
        return statements.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
