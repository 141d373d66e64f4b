import DSRApp
import DSRPostgres
import Foundation

/// A file that holds a secret (the database password): readable only by its owner, its first
/// line the secret. A file others may read is refused, as the vault key is.
enum SecretFile {
    static func firstLine(of path: String, what: String) throws -> String {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw AppError(.io, "\(what) \(path): \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw AppError(.notPermitted, "\(what) \(path): others may read it; make it private with chmod 600")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AppError(.io, "\(what) \(path): cannot read it")
        }
        let line =
            String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .first.map(String.init) ?? ""
        guard !line.isEmpty else { throw AppError(.badInput, "\(what) \(path) is empty") }
        return line
    }
}

extension PostgresURL {
    /// The URL with the password from the file the setting `fileSetting` names, unless it
    /// has one (a URL in `/etc/dsr/dsr.conf`, which all may read, holds none).
    func withPassword(fromFileIn fileSetting: String) throws -> PostgresURL {
        guard password == nil, let file = Setting.value(fileSetting) else { return self }
        var url = self
        url.password = try SecretFile.firstLine(of: file, what: "the password file \(fileSetting) names")
        return url
    }
}
