import DSRCore
import Foundation

/// A policy as loaded: the value, and the exact text it came from (whose hash identifies the
/// policy in force when a case is logged).
public struct LoadedPolicy: Sendable {
    public var policy: Policy
    /// The holiday rules of all Länder the policy was loaded with.
    public var holidayRules: [HolidayRule]
    /// Where it came from: a path, or `embedded:kaiserslautern.xml`.
    public var source: String
    /// The policy file's text.
    public var text: String
}

/// Loads policy and holiday files: hardened parse, then XSD validation, then the checks a
/// schema cannot make. The default policy, the holiday data and both schemas are embedded in
/// the binary (from `Policies/`), so `dsr` works from any directory. The embedded files are
/// not validated again at every start (compiling the schemas was a tenth of a command's
/// start); `embeddedFilesValidate()` checks them, and the tests call it.
public enum PolicyLoader {
    /// The name of the embedded default policy.
    public static let defaultPolicyName = "kaiserslautern.xml"

    /// The holiday rules embedded from `Policies/holidays-de.xml`.
    public static func embeddedHolidayRules() throws -> [HolidayRule] {
        try holidayRules(text: embeddedFile("holidays-de.xml"), file: "embedded:holidays-de.xml", validated: false)
    }

    /// The embedded default policy (the City of Kaiserslautern's).
    public static func loadDefault() throws -> LoadedPolicy {
        try load(text: embeddedFile(defaultPolicyName), file: "embedded:\(defaultPolicyName)", validated: false)
    }

    /// Validates the embedded default policy and holiday data against their embedded schemas,
    /// as every other file is validated when it is loaded.
    public static func embeddedFilesValidate() throws {
        _ = try load(text: embeddedFile(defaultPolicyName), file: "embedded:\(defaultPolicyName)", validated: true)
        _ = try holidayRules(text: embeddedFile("holidays-de.xml"), file: "embedded:holidays-de.xml")
    }

    /// Loads a policy file from disk.
    public static func load(path: String) throws -> LoadedPolicy {
        let bytes = try FileBytes.read(path, limit: SafeXMLReader.maximumSize)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DSRXMLError.malformed(file: path, line: 0, message: "not UTF-8 text")
        }
        return try load(text: text, file: path)
    }

    /// Loads a policy from its text (named `file` in messages). A text that is the embedded
    /// default's, byte for byte (as `dsr init` stores it), is known to be valid.
    public static func load(text: String, file: String) throws -> LoadedPolicy {
        try load(text: text, file: file, validated: text != EmbeddedPolicyFiles.byName[defaultPolicyName])
    }

    /// Parses and reads a policy, validating it against the schema unless `validated` is false.
    private static func load(text: String, file: String, validated: Bool) throws -> LoadedPolicy {
        let document = try SafeXMLReader.parse(Array(text.utf8), file: file)
        if validated { try policySchema().validate(document, file: file) }
        guard let root = document.root else {
            throw DSRXMLError.malformed(file: file, line: 0, message: "no root element")
        }
        return LoadedPolicy(
            policy: try PolicyReader(file: file).policy(from: root), holidayRules: try embeddedHolidayRules(),
            source: file, text: text)
    }

    /// Reads holiday rules from the text of a holiday data file, validating it against the
    /// schema unless `validated` is false (the embedded data).
    public static func holidayRules(text: String, file: String, validated: Bool = true) throws -> [HolidayRule] {
        let document = try SafeXMLReader.parse(Array(text.utf8), file: file)
        if validated { try holidaySchema().validate(document, file: file) }
        guard let root = document.root else {
            throw DSRXMLError.malformed(file: file, line: 0, message: "no root element")
        }
        return try PolicyReader(file: file).holidayRules(from: root)
    }

    /// The text of a file embedded from `Policies/`.
    public static func embeddedFile(_ name: String) throws -> String {
        guard let text = EmbeddedPolicyFiles.byName[name] else {
            throw DSRXMLError.unreadable(file: "embedded:\(name)", reason: "not embedded in this build")
        }
        return text
    }

    /// The compiled policy schema (compiled once per process).
    static func policySchema() throws -> SchemaValidator {
        try SchemaCache.shared.validator(named: "dsr-policy.xsd")
    }

    /// The compiled holiday schema.
    static func holidaySchema() throws -> SchemaValidator {
        try SchemaCache.shared.validator(named: "dsr-holidays.xsd")
    }
}

/// Compiles each embedded schema once and hands out the compiled form.
final class SchemaCache: @unchecked Sendable {
    static let shared = SchemaCache()
    private let lock = NSLock()
    private var validators: [String: SchemaValidator] = [:]

    func validator(named name: String) throws -> SchemaValidator {
        lock.lock()
        defer { lock.unlock() }
        if let validator = validators[name] { return validator }
        let validator = try SchemaValidator(
            schemaText: PolicyLoader.embeddedFile(name), name: "embedded:\(name)")
        validators[name] = validator
        return validator
    }
}
