import CLibXML2
import Foundation

/// A parsed XML document, owned: freed when the last reference goes.
public final class XMLDocument: @unchecked Sendable {
    let pointer: xmlDocPtr

    init(_ pointer: xmlDocPtr) {
        self.pointer = pointer
    }

    deinit { xmlFreeDoc(pointer) }

    /// The document's root element.
    public var root: XMLElement? {
        xmlDocGetRootElement(pointer).map { XMLElement(node: $0, document: self) }
    }
}

/// An element of an `XMLDocument`; keeps its document alive.
public struct XMLElement {
    let node: xmlNodePtr
    let document: XMLDocument

    /// The local name, without prefix.
    public var name: String { String(cString: node.pointee.name) }

    /// The namespace URI, if any.
    public var namespaceURI: String? {
        node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
    }

    /// The line on which the element starts.
    public var line: Int { Int(xmlGetLineNo(node)) }

    /// The child elements, in document order.
    public var children: [XMLElement] {
        var result: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                result.append(XMLElement(node: current, document: document))
            }
            child = current.pointee.next
        }
        return result
    }

    /// The first child element with a name.
    public func child(_ name: String) -> XMLElement? {
        children.first { $0.name == name }
    }

    /// All child elements with a name.
    public func children(_ name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// The value of an attribute without namespace, or nil.
    public func attribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(node, name) else { return nil }
        defer { dsr_xmlFree(value) }
        return String(cString: value)
    }

    /// The text content with surrounding white space removed.
    public var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { dsr_xmlFree(content) }
        return String(cString: content).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
