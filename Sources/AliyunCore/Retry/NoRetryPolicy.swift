/// Never retries: every failure is reported at once.
struct NoRetryPolicy: RetryPolicy {
    func delay(after failure: FailedAttempt) -> Duration? { nil }
}
