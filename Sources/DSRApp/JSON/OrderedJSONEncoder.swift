import DSRCore
import Foundation

/// Encodes `Encodable` values as compact JSON with their keys in the order the types encode
/// them, and a missing optional as `null`. The command line's JSON keeps the byte layout
/// scripts already read, which the API's JSON shares; Foundation's `JSONEncoder` on Linux keeps
/// neither order nor `null`s.
public enum OrderedJSONEncoder {
    /// The JSON of `value`, then a line break.
    public static func line(_ value: some Encodable) throws -> Data {
        let encoding = Encoding()
        try value.encode(to: encoding)
        var writer = JSONWriter()
        encoding.root.write(into: &writer)
        writer.newline()
        return writer.data
    }
}

/// A JSON value as it is being built, objects with their keys in order.
private final class Node {
    enum Value {
        case null
        case bool(Bool)
        case integer(Int)
        case number(Double)
        case string(String)
        case object([(String, Node)])
        case array([Node])
    }

    var value: Value = .null

    func write(into writer: inout JSONWriter) {
        switch value {
        case .null: writer.null()
        case .bool(let value): writer.bool(value)
        case .integer(let value): writer.integer(value)
        case .number(let value): writer.number(value)
        case .string(let value): writer.string(value)
        case .object(let members):
            writer.beginObject()
            for (key, node) in members {
                writer.key(named: key)
                node.write(into: &writer)
            }
            writer.endObject()
        case .array(let elements):
            writer.beginArray()
            for node in elements { node.write(into: &writer) }
            writer.endArray()
        }
    }

    /// A new member of this object, appended in order.
    func member(_ key: String) -> Node {
        let node = Node()
        if case .object(var members) = value {
            members.append((key, node))
            value = .object(members)
        }
        return node
    }

    /// A new element of this array.
    func element() -> Node {
        let node = Node()
        if case .array(var elements) = value {
            elements.append(node)
            value = .array(elements)
        }
        return node
    }

    /// Stores a value: the primitives the command line's JSON holds, or a nested value.
    func store(_ encodable: some Encodable, codingPath: [any CodingKey]) throws {
        switch encodable {
        case let value as String: self.value = .string(value)
        case let value as Bool: self.value = .bool(value)
        case let value as Int: self.value = .integer(value)
        case let value as Int64: self.value = .integer(Int(value))
        case let value as Double: self.value = .number(value)
        default: try encodable.encode(to: Encoding(node: self, codingPath: codingPath))
        }
    }
}

/// The `Encoder` that fills a `Node`.
private struct Encoding: Encoder {
    let root: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: Node = Node(), codingPath: [any CodingKey] = []) {
        root = node
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = root.value {} else { root.value = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: root, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = root.value {} else { root.value = .array([]) }
        return UnkeyedContainer(node: root, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(node: root, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { _ = node.member(key.stringValue) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try node.member(key.stringValue).store(value, codingPath: codingPath + [key])
    }

    // A missing optional is written as `null`, as the command line always has.
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try encodeOrNull(value, key) }

    private mutating func encodeOrNull(_ value: (some Encodable)?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        Encoding(node: node.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        Encoding(node: node.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { Encoding(node: node.member("super"), codingPath: codingPath) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        Encoding(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int {
        if case .array(let elements) = node.value { return elements.count }
        return 0
    }

    mutating func encodeNil() throws { _ = node.element() }

    mutating func encode(_ value: some Encodable) throws {
        try node.element().store(value, codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        Encoding(node: node.element(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        Encoding(node: node.element(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { Encoding(node: node.element(), codingPath: codingPath) }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.value = .null }

    mutating func encode(_ value: some Encodable) throws {
        try node.store(value, codingPath: codingPath)
    }
}
