/// Decides whether a failed RPC attempt is tried again, and after how long.
///
/// One method, so a test or a caller with special needs can supply its own; the usual choices are made
/// through `RetryPolicyFactory` (`.jitter()`, `.none`).
public protocol RetryPolicy: Sendable {
    /// The wait before the next attempt, or `nil` to give up and report `failure`.
    func delay(after failure: FailedAttempt) -> Duration?
}
