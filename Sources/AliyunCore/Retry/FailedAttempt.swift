/// What a retry policy knows about one failed attempt of an RPC call.
public struct FailedAttempt: Sendable {
    /// The API action, e.g. `DescribeDisks`; whether it may be repeated depends on it.
    public var action: String
    /// 1 for the first attempt.
    public var attempt: Int
    /// A `ServiceError`, a `TransportError`, or an `RPCError` for a response that could not be read.
    public var error: any Error
    /// The server's `x-acs-retry-after` (sent in milliseconds with throttling answers), when present.
    public var retryAfter: Duration?

    public init(action: String, attempt: Int, error: any Error, retryAfter: Duration? = nil) {
        self.action = action
        self.attempt = attempt
        self.error = error
        self.retryAfter = retryAfter
    }
}
