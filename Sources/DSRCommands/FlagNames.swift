import DSRApp
import Foundation

extension AppError {
    /// The error with the matter it names (`the link`) replaced by the flag that gave it on
    /// the command line (`--link`); other errors unchanged.
    func naming(_ phrase: String, as flag: String) -> AppError {
        guard let range = message.range(of: phrase) else { return self }
        return AppError(kind, message.replacingCharacters(in: range, with: flag))
    }
}

/// Runs `body`; an application error that names one of `flags`' matters names the flag.
func namingFlags<T>(_ flags: [String: String], _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as AppError {
        throw flags.reduce(error) { $0.naming($1.key, as: $1.value) }
    }
}
