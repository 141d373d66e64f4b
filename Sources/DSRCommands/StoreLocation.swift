import Foundation

/// Where the database lives: `--db FILE`, else `$DSR_DB`, else the per-user data folder
/// (`$XDG_DATA_HOME/dsr/dsr.sqlite`, else `~/.local/share/dsr/dsr.sqlite`).
enum StoreLocation {
    static func path(option: String?) -> String {
        if let option, !option.isEmpty { return option }
        if let path = Setting.value("DSR_DB") { return path }
        if let data = Setting.value("XDG_DATA_HOME"), data.hasPrefix("/") {
            return data + "/dsr/dsr.sqlite"
        }
        let home = Setting.value("HOME") ?? NSHomeDirectory()
        return home + "/.local/share/dsr/dsr.sqlite"
    }
}
