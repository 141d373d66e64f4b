/// The web application's session and sign-in limits (OWASP ASVS level 2).
public enum SignInLimits {
    /// A session ends after this long without a request (30 minutes).
    public static let idleSeconds: Int64 = 30 * 60
    /// A session ends this long after sign-in, however busy (10 hours).
    public static let lifetimeSeconds: Int64 = 10 * 3600
    /// This many failed attempts for one login within `failureWindowSeconds` lock it…
    public static let failuresBeforeLock = 5
    public static let failureWindowSeconds: Int64 = 15 * 60
    /// …for this long after the last of them, whatever password is typed then.
    public static let lockSeconds: Int64 = 15 * 60
    /// How long the sign-in log keeps an attempt (90 days).
    public static let logRetentionSeconds: Int64 = 90 * 86_400
    /// A session's last use is written at most this often (a page view is not a write).
    static let touchIntervalSeconds: Int64 = 60
}
