/// Exponential back-off with full jitter: before retry n the wait is a random fraction of
/// `min(cap, base * 2^(n-1))`, which spreads out clients that were throttled together. A server's
/// `x-acs-retry-after` replaces the random wait, up to `retryAfterCap` so that a shell never hangs for long.
struct JitterRetryPolicy: RetryPolicy {
    let maxAttempts: Int
    let base: Duration
    let cap: Duration
    let retryAfterCap: Duration
    /// A number in `0..<1`; injected so tests can pin the jitter.
    let random: @Sendable () -> Double

    func delay(after failure: FailedAttempt) -> Duration? {
        guard failure.attempt < maxAttempts, RetryRules.mayRetry(failure) else { return nil }
        if let retryAfter = failure.retryAfter {
            return min(max(retryAfter, .zero), retryAfterCap)
        }
        let exponent = min(max(failure.attempt - 1, 0), 62)
        let ceiling = min(base.inSeconds * Double(sign: .plus, exponent: exponent, significand: 1), cap.inSeconds)
        let fraction = min(max(random(), 0), 1)
        return .seconds(ceiling * fraction)
    }
}
