/// The text of one personal field as the vault gives it back.
public enum VaultText: Sendable, Equatable {
    case text(String)
    /// Erased: purged after its retention period, or replaced by a rectification.
    case erased
    /// Sealed with a vault key this process was not given.
    case sealed

    /// The text, or a marker for an erased or sealed value.
    public func display(erased: String, sealed: String) -> String {
        switch self {
        case .text(let text): text
        case .erased: erased
        case .sealed: sealed
        }
    }
}

/// The personal data of one case, by event and field.
public struct CasePersonalData: Sendable, Equatable {
    public var byEvent: [EventID: [PersonalField: VaultText]]

    public init(_ byEvent: [EventID: [PersonalField: VaultText]] = [:]) {
        self.byEvent = byEvent
    }

    /// The fields one event carries, in field order.
    public func fields(of event: EventID) -> [(field: PersonalField, value: VaultText)] {
        (byEvent[event] ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The value of a field as it stands: that of the latest event carrying it, so a
    /// rectification (Art. 16) supersedes what was given at receipt. Nil if no event has it.
    public func current(_ field: PersonalField) -> VaultText? {
        byEvent.filter { $0.value[field] != nil }.max { $0.key < $1.key }?.value[field]
    }

    /// Whether any field is sealed (the process has no vault key).
    public var hasSealed: Bool {
        byEvent.values.contains { $0.values.contains(.sealed) }
    }
}
