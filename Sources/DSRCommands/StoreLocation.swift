import Foundation

/// Where the database lives: `--db FILE`, else `$DSR_DB`, else the per-user data folder
/// (`$XDG_DATA_HOME/dsr/dsr.sqlite`, else `~/.local/share/dsr/dsr.sqlite`).
enum StoreLocation {
    static func path(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let path = environment["DSR_DB"], !path.isEmpty { return path }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/dsr/dsr.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/dsr/dsr.sqlite"
    }
}
