/// The retry policies a client can be built with, as static members: `.jitter()`, `.none`, `.custom(_:)`.
/// The concrete policies stay private to the module.
public struct RetryPolicyFactory: Sendable {
    public let policy: any RetryPolicy

    private init(_ policy: any RetryPolicy) { self.policy = policy }

    /// Exponential back-off with full jitter for transient failures (`Throttling*`, `ServiceUnavailable`,
    /// `InternalError`, HTTP 500/502/503/504, connection failures) of read-only actions; other actions are
    /// retried only when the connection could not be made. `maxAttempts` counts the first attempt.
    /// `x-acs-retry-after` is honoured instead of the random wait, up to `retryAfterCap`.
    public static func jitter(
        maxAttempts: Int = 4, base: Duration = .milliseconds(200), cap: Duration = .seconds(5),
        retryAfterCap: Duration = .seconds(20), random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) -> RetryPolicyFactory {
        RetryPolicyFactory(
            JitterRetryPolicy(
                maxAttempts: max(1, maxAttempts), base: base, cap: cap, retryAfterCap: retryAfterCap, random: random))
    }

    /// No retries at all.
    public static var none: RetryPolicyFactory { RetryPolicyFactory(NoRetryPolicy()) }

    /// A policy of the caller's own.
    public static func custom(_ policy: any RetryPolicy) -> RetryPolicyFactory { RetryPolicyFactory(policy) }
}
