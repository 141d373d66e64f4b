import CLibXML2
import Foundation

/// Validates documents against an XML Schema (XSD 1.0) with libxml2.
///
/// libxml2 keeps global state; callers that validate from several threads at once must
/// serialise (the tests run `.serialized`).
public final class SchemaValidator: @unchecked Sendable {
    private let schema: xmlSchemaPtr
    /// The schema's name in messages.
    public let name: String

    /// Compiles a schema from its text.
    public init(schemaText: String, name: String) throws {
        self.name = name
        let compiled: xmlSchemaPtr? = Array(schemaText.utf8).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let parser = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count))
                else { return nil }
                defer { xmlSchemaFreeParserCtxt(parser) }
                xmlSchemaSetParserStructuredErrors(parser, ignoreError, nil)
                return xmlSchemaParse(parser)
            }
        }
        guard let compiled else {
            throw DSRXMLError.invalid(file: name, line: 0, message: "the schema does not compile")
        }
        schema = compiled
    }

    deinit { xmlSchemaFree(schema) }

    /// Throws the first violation of the schema in `document` (named `file` in messages).
    public func validate(_ document: XMLDocument, file: String) throws {
        try run(file: file) { xmlSchemaValidateDoc($0, document.pointer) }
    }

    /// Validates a file by streaming it through the schema (constant memory).
    public func validate(file path: String) throws {
        try run(file: path) { xmlSchemaValidateFile($0, path, Int32(XML_PARSE_NONET.rawValue)) }
    }

    /// Runs one validation with a fresh context that collects the first error.
    private func run(file: String, _ validation: (xmlSchemaValidCtxtPtr) -> Int32) throws {
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            throw DSRXMLError.schemaViolation(file: file, line: 0, message: "libxml2 could not allocate a validator")
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = FirstErrorCollector()
        let unmanaged = Unmanaged.passRetained(collector)
        defer { unmanaged.release() }
        xmlSchemaSetValidStructuredErrors(context, collectFirstError, unmanaged.toOpaque())
        let result = validation(context)
        guard result != 0 else { return }
        throw DSRXMLError.schemaViolation(
            file: file, line: collector.line,
            message: collector.message ?? "libxml2 reported internal error \(result)")
    }
}

/// Keeps the first error libxml2 reports through a structured error callback.
private final class FirstErrorCollector {
    var message: String?
    var line = 0
}

private let collectFirstError: xmlStructuredErrorFunc = { userData, error in
    guard let userData else { return }
    let collector = Unmanaged<FirstErrorCollector>.fromOpaque(userData).takeUnretainedValue()
    guard collector.message == nil, let error else { return }
    // Element names come qualified ({urn:dsr:policy:1}land); the namespace is noise here.
    collector.message = libxmlMessage(UnsafePointer(error))
        .replacingOccurrences(of: #"\{urn:dsr:[a-z]+:[0-9]+\}"#, with: "", options: .regularExpression)
    collector.line = Int(error.pointee.line)
}

private let ignoreError: xmlStructuredErrorFunc = { _, _ in }

extension SchemaValidator {
    /// The schema of audit exports, embedded from `Policies/dsr-audit.xsd`.
    public static func audit() throws -> SchemaValidator {
        try SchemaCache.shared.validator(named: "dsr-audit.xsd")
    }
}
