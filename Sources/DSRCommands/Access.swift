import DSRCore
import DSRStore
import DSRXML
import Foundation

/// Who runs `dsr` and what the policy lets them do. Roles guard against mistakes and the wrong
/// person at a shared terminal, not against someone who can edit the policy or the database
/// file (README, "Roles").
struct Access {
    /// The login name of the process owner, recorded as the actor of each event.
    let login: String
    /// The role the policy gives `login`; nil in single-user mode (the policy lists no users).
    let role: Role?
    /// Where the staff list came from, as messages name it.
    let policySource: String

    /// The access of `login` under `policy`; a login the policy does not list is refused.
    init(login: String, policy: LoadedPolicy) throws {
        self.login = login
        policySource = policy.source
        if policy.policy.users.isEmpty {
            role = nil
        } else if let role = policy.policy.role(of: login) {
            self.role = role
        } else {
            throw CommandFailure(
                message: "this login (uid \(geteuid())) is not among the users of policy \(policy.source); "
                    + "ask a supervisor to add it", exitCode: CommandFailure.notPermitted)
        }
    }

    /// Whether the policy lists no users, so whoever runs `dsr` may do everything.
    var isSingleUser: Bool { role == nil }

    /// Refuses unless the user's role is at least `needed`; `action` says what was refused.
    func require(_ needed: Role, to action: String) throws {
        guard let role, role < needed else { return }
        throw CommandFailure(
            message: "\(action) needs the role \(needed.rawValue) or higher; policy \(policySource) gives you \(role.rawValue)",
            exitCode: CommandFailure.notPermitted)
    }

    /// Whether the user may see and work on a case: supervisors and the DPO see every case, a
    /// clerk the unassigned ones and those assigned to them.
    func maySee(_ summary: CaseSummary) -> Bool {
        guard let role, role == .clerk else { return true }
        return summary.assignee == nil || summary.assignee == login
    }

    /// Refuses a case the user may not see (`maySee`).
    func requireCase(_ summary: CaseSummary) throws {
        guard !maySee(summary) else { return }
        throw CommandFailure(
            message: "case \(summary.caseID) is assigned to someone else; a supervisor can reassign it",
            exitCode: CommandFailure.notPermitted)
    }
}
