import ArgumentParser
import DSRCore
import DSRStore
import DSRXML
import Foundation

/// `--db FILE`, shared by every command that works on the case log.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Database file. Default: $DSR_DB, else $XDG_DATA_HOME/dsr/dsr.sqlite (~/.local/share/dsr/dsr.sqlite).",
            valueName: "file"))
    var db: String?

    /// The database path in force.
    var path: String {
        StoreLocation.path(option: db, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens (and if need be creates) the database.
    func open() throws -> CaseStore {
        try CaseStore(path: path)
    }
}
