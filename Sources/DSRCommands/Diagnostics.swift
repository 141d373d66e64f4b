import Foundation
import Logging

/// The diagnostic log: what `dsr` does (database opened, events appended with their ids and
/// kinds, policies loaded, exports and purges), on standard error. It never carries personal
/// data or SQL arguments: messages name case ids, event ids, kinds and counts only.
enum Diagnostics {
    /// A logger at debug level with `--verbose`, else at `$DSR_LOG_LEVEL` (trace, debug,
    /// info, notice, warning, error, critical), else at `floor` (warning; the server: notice).
    static func logger(verbose: Bool, floor: Logger.Level = .warning) -> Logger {
        var logger = Logger(label: "dsr") { StreamLogHandler.standardError(label: $0) }
        let fromEnvironment = Setting.value("DSR_LOG_LEVEL").flatMap(Logger.Level.init(rawValue:))
        logger.logLevel = verbose ? min(.debug, fromEnvironment ?? .debug) : fromEnvironment ?? floor
        return logger
    }
}
