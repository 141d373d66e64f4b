import DSRCore

/// Everything a member of staff can ask the tracker to do, and the least role it needs: the
/// one table of who may do what (README, "Roles"). Each role includes the ones below it.
/// Which accounts a supervisor may change is a rule about the account, not the action:
/// `StaffRules` (DSRCore) keeps a DPO's account to the DPO.
public enum Action: String, Sendable, CaseIterable {
    case logCase, importCases, recordStep, rectifyPersonalData, produceLetter, recordDuty
    case showCase, listCases, listOverdue, findPerson, listDuties, verifyLog, showInfo, listStaff
    case assignCase, reopenCase, exportReport, exportDeadlines, makeBackup, choosePolicy, manageStaff
    case exportPersonalData, exportSubject, purge, restoreBackup, adoptVaultKey
    case logDemoCases
    case takeInMessages, readInbox, settleInboxItem, manageAPITokens

    /// The least role that may do it.
    public var leastRole: Role {
        switch self {
        case .logCase, .importCases, .recordStep, .rectifyPersonalData, .produceLetter, .recordDuty, .showCase,
            .listCases, .listOverdue, .findPerson, .listDuties, .verifyLog, .showInfo, .listStaff, .logDemoCases,
            .takeInMessages, .readInbox, .settleInboxItem:
            .clerk
        case .assignCase, .reopenCase, .exportReport, .exportDeadlines, .makeBackup, .choosePolicy, .manageStaff,
            .manageAPITokens:
            .supervisor
        case .exportPersonalData, .exportSubject, .purge, .restoreBackup, .adoptVaultKey:
            .dpo
        }
    }

    /// What it is, as refusals name it ("assigning a case needs the role supervisor …").
    public var phrase: String {
        switch self {
        case .logCase: "logging a case"
        case .importCases: "importing cases"
        case .recordStep: "recording a step"
        case .rectifyPersonalData: "rectifying personal data"
        case .produceLetter: "producing a letter"
        case .recordDuty: "recording a duty"
        case .showCase: "showing a case"
        case .listCases: "listing cases"
        case .listOverdue: "listing overdue cases"
        case .findPerson: "finding a person's cases"
        case .listDuties: "listing duties"
        case .verifyLog: "verifying the log"
        case .showInfo: "showing the database"
        case .listStaff: "listing the staff accounts"
        case .assignCase: "assigning a case"
        case .reopenCase: "reopening a case"
        case .exportReport: "exporting a report"
        case .exportDeadlines: "exporting the deadlines of all cases"
        case .makeBackup: "making a backup"
        case .choosePolicy: "choosing the policy of a database"
        case .manageStaff: "managing staff accounts"
        case .exportPersonalData: "exporting personal data"
        case .exportSubject: "exporting what the tracker holds about a person"
        case .purge: "purging personal data"
        case .restoreBackup: "restoring a backup"
        case .adoptVaultKey: "sealing the personal data with a vault key this database does not know yet"
        case .logDemoCases: "logging demo cases"
        case .takeInMessages: "taking in messages"
        case .readInbox: "reading the inbox"
        case .settleInboxItem: "making an inbox item a case or dismissing it"
        case .manageAPITokens: "managing API tokens"
        }
    }
}
