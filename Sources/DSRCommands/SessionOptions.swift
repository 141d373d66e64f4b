import DSRApp
import DSRCore
import Foundation

extension StoreOptions {
    /// The tracker as the options name it (database, vault key, policy file, log level).
    func configuration(policy: PolicyOptions) throws -> TrackerConfiguration {
        TrackerConfiguration(
            database: try address(), databaseOwner: try StoreOptions.ownerURL(), vaultKeyFile: vaultKeyPath,
            policyFile: policy.file, logger: Diagnostics.logger(verbose: verbose))
    }

    /// Opens the tracker and a session of the process owner at this moment, refusing unless
    /// their staff account allows `action` (see `Tracker.open` for `seedingStaff`).
    func session(policy: PolicyOptions, for action: Action, seedingStaff: Bool = true) throws -> Session {
        let now = Instant(Date())
        let tracker = try Tracker.open(
            try configuration(policy: policy), actor: ProcessOwner.login, now: now, seedingStaff: seedingStaff)
        let session = try tracker.session(login: ProcessOwner.login, now: now)
        try session.require(action)
        return session
    }
}

/// Who runs the process: the login name of its owner (the actor of every event).
enum ProcessOwner {
    static var login: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return "uid-\(geteuid())"
    }
}
