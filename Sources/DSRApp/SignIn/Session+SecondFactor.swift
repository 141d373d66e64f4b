import DSRCore

/// A second factor being set up: the secret to type into an authenticator app, or its
/// `otpauth://` address.
public struct SecondFactorSetup: Sendable {
    public let secret: String
    public let address: String
}

extension Session {
    /// Starts setting up a one-time code for the acting user: a new secret, kept but not yet
    /// asked for at sign-in (a code from it must be confirmed first). Replaces one in use.
    public func beginSecondFactor() throws -> SecondFactorSetup {
        let secret = OneTimeCode.newSecret()
        try AppError.mapping { try tracker.store.setTOTP(login: actor, secret: secret, enabled: false) }
        return SecondFactorSetup(secret: secret, address: OneTimeCode.address(secret: secret, login: actor))
    }

    /// Confirms the secret being set up with a code from the app; from then on sign-in asks for a code.
    public func confirmSecondFactor(code: String) throws {
        let stored = try AppError.mapping { try tracker.store.credential(login: actor) }
        guard let secret = stored?.totpSecret, let step = OneTimeCode.step(of: code, secret: secret, at: now) else {
            throw AppError(.badInput, "the one-time code does not match; type the code the app shows now")
        }
        try AppError.mapping {
            try tracker.store.setTOTP(login: actor, secret: secret, enabled: true)
            // The confirming code is spent: it does not sign anyone in afterwards.
            _ = try tracker.store.useOneTimeCodeStep(login: actor, step: step)
        }
        tracker.store.logger.notice("second factor enabled")
    }

    /// Switches the acting user's one-time code off, after checking a current code.
    public func removeSecondFactor(code: String) throws {
        let stored = try AppError.mapping { try tracker.store.credential(login: actor) }
        guard let secret = stored?.totpSecret, stored?.totpEnabled == true,
            OneTimeCode.verify(code, secret: secret, at: now)
        else { throw AppError(.badInput, "the one-time code does not match") }
        try AppError.mapping { try tracker.store.setTOTP(login: actor, secret: nil, enabled: false) }
        tracker.store.logger.notice("second factor removed")
    }
}
