import CLibXML2
import Foundation

/// Writes XML as a stream with libxml2's xmlTextWriter: elements are written as they come, so
/// memory does not grow with the document. Text and attribute values are escaped by libxml2.
public final class XMLStreamWriter {
    private let writer: xmlTextWriterPtr
    private let path: String

    /// Opens a writer to a file (`-` for standard output). The file is created by us first,
    /// with mode 0600 (exports can hold personal data), so a bad path fails with our message
    /// rather than libxml2's.
    public init(path: String) throws {
        if path != "-" {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            else {
                throw DSRXMLError.cannotWrite(file: path)
            }
        }
        guard let writer = xmlNewTextWriterFilename(path, 0) else {
            throw DSRXMLError.cannotWrite(file: path)
        }
        self.writer = writer
        self.path = path
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
    }

    deinit { xmlFreeTextWriter(writer) }

    /// Starts an element; in the default namespace `namespace` when given (root only).
    public func start(_ name: String, namespace: String? = nil) throws {
        if let namespace {
            try check(xmlTextWriterStartElementNS(writer, nil, name, namespace))
        } else {
            try check(xmlTextWriterStartElement(writer, name))
        }
    }

    public func attribute(_ name: String, _ value: String) throws {
        try check(xmlTextWriterWriteAttribute(writer, name, Self.xmlSafe(value)))
    }

    public func text(_ value: String) throws {
        try check(xmlTextWriterWriteString(writer, Self.xmlSafe(value)))
    }

    public func end() throws {
        try check(xmlTextWriterEndElement(writer))
    }

    /// An element with text content.
    public func element(_ name: String, _ value: String) throws {
        try check(xmlTextWriterWriteElement(writer, name, Self.xmlSafe(value)))
    }

    /// Ends the document and flushes it.
    public func finish() throws {
        try check(xmlTextWriterEndDocument(writer))
        try check(xmlTextWriterFlush(writer))
    }

    private func check(_ result: Int32) throws {
        guard result >= 0 else { throw DSRXMLError.cannotWrite(file: path) }
    }

    /// The text with characters XML 1.0 cannot carry (C0 controls other than tab and line
    /// breaks, U+FFFE/U+FFFF) replaced by U+FFFD; libxml2 escapes the rest.
    static func xmlSafe(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: isForbidden) else { return value }
        return String(String.UnicodeScalarView(value.unicodeScalars.map { isForbidden($0) ? "\u{FFFD}" : $0 }))
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
            || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
