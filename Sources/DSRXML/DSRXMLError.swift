/// What can go wrong reading XML: the file, its well-formedness, forbidden constructs, the
/// schema, and the meaning of what it says. Each names the file and, where known, the line.
public enum DSRXMLError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The file could not be written.
    case cannotWrite(file: String)
    /// Not well-formed XML.
    case malformed(file: String, line: Int, message: String)
    /// A document type declaration: refused before any entity in it is declared or expanded.
    case forbiddenDoctype(file: String, line: Int)
    /// Larger than any legitimate file of its kind.
    case tooLarge(file: String, limit: Int)
    /// Well-formed but not valid against its schema.
    case schemaViolation(file: String, line: Int, message: String)
    /// Valid against the schema but meaningless (a session that closes before it opens).
    case invalid(file: String, line: Int, message: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read: \(reason)"
        case .cannotWrite(let file):
            return "\(file): cannot write"
        case .malformed(let file, let line, let message):
            return "\(file):\(line): not well-formed XML: \(message)"
        case .forbiddenDoctype(let file, let line):
            return "\(file):\(line): DOCTYPE declarations are not allowed (no DTDs, no entities); remove it"
        case .tooLarge(let file, let limit):
            return "\(file): larger than \(limit / 1024) KiB; refused"
        case .schemaViolation(let file, let line, let message):
            return "\(file):\(line): does not match the schema: \(message)"
        case .invalid(let file, let line, let message):
            return "\(file):\(line): \(message)"
        }
    }
}
