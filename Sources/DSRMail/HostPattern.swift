/// One of the controller's receiving mail hosts as the policy names it: an exact name
/// (case-insensitive), or `*.example.org` / `.example.org` for any subdomain (not the domain itself).
struct HostPattern {
    private let name: String
    private let subdomains: Bool

    /// A pattern from its policy text; nil for an empty one.
    init?(_ text: String) {
        var pattern = text.trimmingASCIIBlanks().lowercased()
        while pattern.hasSuffix(".") { pattern.removeLast() }
        subdomains = pattern.hasPrefix("*.") || pattern.hasPrefix(".")
        if pattern.hasPrefix("*") { pattern.removeFirst() }
        name = pattern
        guard !name.isEmpty, name != "." else { return nil }
    }

    /// Whether a host name (as `ReceivedHop.by` has it) matches.
    func matches(_ host: String) -> Bool {
        var candidate = host.lowercased()
        while candidate.hasSuffix(".") { candidate.removeLast() }
        return subdomains ? candidate.hasSuffix(name) && candidate.count > name.count : candidate == name
    }
}
