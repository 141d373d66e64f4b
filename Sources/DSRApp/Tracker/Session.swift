import DSRCore

/// One user's dealings with the tracker: who acts, with which role, and the moment "now".
/// Every use case is a method of a session; none prints.
public struct Session: Sendable {
    public let tracker: Tracker
    public let access: Access
    /// The machine's clock when the session began; the default moment of every step.
    public let now: Instant

    /// The login recorded as the actor of events.
    public var actor: String { access.login }

    /// Refuses unless the user's role allows `action`.
    public func require(_ action: Action) throws {
        try access.require(action)
    }

    /// Reads a moment typed by a person (ISO instant, local time in the policy's zone, date,
    /// `now`).
    public func instant(_ text: String) throws -> Instant {
        try AppError.mapping { try TimeInput(zone: tracker.engine.zone).instant(from: text, now: now) }
    }

    /// The moment a person named, or now when they named none.
    public func moment(_ text: String?) throws -> Instant {
        try text.map(instant) ?? now
    }
}
