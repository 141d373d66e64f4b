extension Role {
    /// Why someone with role `held` may not do `action` (a phrase: "assigning a case"), which
    /// needs `self` or higher; nil if they may (`held` nil: single-user mode, which may do all).
    public func refusal(of action: String, held: Role?) -> String? {
        guard let held, held < self else { return nil }
        return "\(action) needs the role \(rawValue) or higher; your staff account has the role \(held.rawValue)"
    }
}
