import Foundation

/// Reads spreadsheet exports: UTF-8 (with or without BOM) or Windows-1252, comma- or
/// semicolon-separated (whichever the header line uses), fields optionally in double quotes
/// with `""` for a quote (RFC 4180), CRLF or LF line ends.
public struct CSVReader {
    /// One record and the line of the file it starts on.
    public struct Record: Sendable, Equatable {
        public let line: Int
        public let fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    public enum Failure: Error, Equatable {
        case unterminatedQuote(line: Int)
    }

    /// The records of a file's bytes.
    public static func records(_ data: Data) throws -> [Record] {
        let text = decode(data)
        let delimiter = Self.delimiter(of: text)
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return iterator.next()
        }
        while let scalar = next() {
            if inQuotes {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            inQuotes = false
                            pending = following
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
            case delimiter:
                fields.append(field)
                field = ""
            case "\r":
                break
            case "\n":
                fields.append(field)
                if !(fields.count == 1 && fields[0].isEmpty) {
                    records.append(Record(line: recordLine, fields: fields))
                }
                fields = []
                field = ""
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw Failure.unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }

    /// UTF-8 if the bytes are valid UTF-8 (a BOM is dropped), else Windows-1252.
    static func decode(_ data: Data) -> String {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(data: bytes, encoding: .utf8) { return text }
        return String(data: bytes, encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// `;` if the header record has more semicolons than commas outside quotes, else `,`.
    static func delimiter(of text: String) -> Unicode.Scalar {
        var inQuotes = false
        var semicolons = 0
        var commas = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": inQuotes.toggle()
            case ";" where !inQuotes: semicolons += 1
            case "," where !inQuotes: commas += 1
            case "\n" where !inQuotes: return semicolons > commas ? ";" : ","
            default: break
            }
        }
        return semicolons > commas ? ";" : ","
    }
}
