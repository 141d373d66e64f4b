import Foundation

/// The server's configuration file, `/etc/dsr/dsr.conf` (or the file `$DSR_CONFIG` names):
/// `DSR_…=value` lines as systemd's `EnvironmentFile=` reads them, so that the service and an
/// administrator's `dsr` on that server find the same database, policy and options. A key the
/// environment already sets wins; keys that do not start with `DSR_` are ignored.
enum ConfigFile {
    static let defaultPath = "/etc/dsr/dsr.conf"

    /// A line of the file that cannot be read, by number (no value is quoted: it may be a path).
    struct Malformed: Error, CustomStringConvertible {
        let path: String
        let line: Int
        var description: String { "\(path):\(line): not a KEY=value line" }
    }

    /// Sets the file's keys that the environment does not set yet. A missing file (the
    /// developer's machine) is no error; `DSR_CONFIG=` (empty) reads none.
    static func apply() throws {
        let path = Setting.raw("DSR_CONFIG") ?? defaultPath
        guard !path.isEmpty, let data = FileManager.default.contents(atPath: path) else { return }
        // An empty value is "not set", as the file's comments say.
        for (key, value) in try settings(String(decoding: data, as: UTF8.self), path: path)
        where Setting.raw(key) == nil && !value.isEmpty {
            setenv(key, value, 1)
        }
    }

    /// The `DSR_` settings of a file's text: blank lines and lines starting with `#` or `;`
    /// are skipped; a value may be quoted with `"` or `'`; blanks around key and value are
    /// dropped.
    static func settings(_ text: String, path: String) throws -> [(key: String, value: String)] {
        var result: [(key: String, value: String)] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#"), !line.hasPrefix(";") else { continue }
            guard let equals = line.firstIndex(of: "=") else { throw Malformed(path: path, line: index + 1) }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard isKey(Substring(key)) else { throw Malformed(path: path, line: index + 1) }
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            if key.hasPrefix("DSR_") { result.append((key, value)) }
        }
        return result
    }

    /// An environment variable's name: ASCII letters, digits and `_`, not starting with a digit.
    private static func isKey(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
        }
    }
}

/// A setting from the environment (and so from the configuration file): the defaults of
/// options such as `dsr serve --listen`. Read with `getenv`, one key at a time: building
/// `ProcessInfo.environment`'s dictionary of every variable costs a start-up.
enum Setting {
    /// The value of `key` as the environment has it, nil if unset (an empty value stays).
    static func raw(_ key: String) -> String? {
        getenv(key).map { String(cString: $0) }
    }

    /// The value of `key`, nil if unset or empty.
    static func value(_ key: String) -> String? {
        guard let value = raw(key), !value.isEmpty else { return nil }
        return value
    }

    /// Whether `key` is set to yes, true, on or 1.
    static func flag(_ key: String) -> Bool {
        ["yes", "true", "on", "1"].contains(value(key)?.lowercased() ?? "")
    }
}
