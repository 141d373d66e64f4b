import CLibXML2
import Foundation

/// Parses XML with libxml2 hardened against hostile input: no network access, no external
/// DTD loading, no entity substitution, no "huge" mode — and any DOCTYPE is refused the moment
/// the parser meets it, before an entity of its internal subset is even declared, so entity
/// bombs and external entities never get a chance.
public enum SafeXMLReader {
    /// Files larger than this are refused before parsing.
    public static let maximumSize = 1 << 20

    /// Parses `bytes` (named `file` in messages) into a document.
    public static func parse(_ bytes: [UInt8], file: String) throws -> XMLDocument {
        guard bytes.count <= maximumSize else {
            throw DSRXMLError.tooLarge(file: file, limit: maximumSize)
        }
        guard let context = xmlNewParserCtxt() else {
            throw DSRXMLError.malformed(file: file, line: 0, message: "libxml2 could not allocate a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        context.pointee.sax.pointee.internalSubset = refuseDoctype
        // Where refuseDoctype records the line of a DOCTYPE (0: none seen).
        let doctypeLine = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        doctypeLine.initialize(to: 0)
        defer { doctypeLine.deallocate() }
        context.pointee._private = UnsafeMutableRawPointer(doctypeLine)

        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), file, "UTF-8", options)
            }
        }
        guard let document, context.pointee.wellFormed != 0, doctypeLine.pointee == 0 else {
            if let document { xmlFreeDoc(document) }
            if doctypeLine.pointee != 0 {
                throw DSRXMLError.forbiddenDoctype(file: file, line: doctypeLine.pointee)
            }
            let error = xmlCtxtGetLastError(context)
            throw DSRXMLError.malformed(
                file: file, line: Int(error?.pointee.line ?? 0), message: libxmlMessage(error))
        }
        return XMLDocument(document)
    }
}

/// SAX callback for `<!DOCTYPE …>`: records its line in the context's private pointer and
/// stops the parser before the internal subset (where entities are declared) is read.
private let refuseDoctype: internalSubsetSAXFunc = { context, _, _, _ in
    guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self) else { return }
    let line = Int(xmlSAX2GetLineNumber(context))
    parser.pointee._private?.assumingMemoryBound(to: Int.self).pointee = max(line, 1)
    xmlStopParser(parser)
}

/// The text of a libxml2 error on one line, without its trailing newline.
func libxmlMessage(_ error: UnsafePointer<xmlError>?) -> String {
    guard let message = error?.pointee.message else { return "unknown error" }
    return String(cString: message)
        .split(whereSeparator: \.isNewline).joined(separator: " ")
        .trimmingCharacters(in: .whitespaces)
}
