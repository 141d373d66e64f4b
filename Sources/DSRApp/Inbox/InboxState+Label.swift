import DSRCore
import DSRLedger

extension InboxState {
    /// The state as the pages and the command line name it (`neu`, `Fall angelegt` …).
    public func label(_ language: Language) -> String {
        switch self {
        case .new: language.pick("neu", "new")
        case .caseOpened: language.pick("Fall angelegt", "made a case")
        case .dismissed: language.pick("verworfen", "dismissed")
        case .unreadable: language.pick("unlesbar", "unreadable")
        }
    }
}
