import AliyunCore
import Foundation
import Testing

/// The retry rules: what is retried for which action, how long the waits are, and when to stop.
struct RetryPolicyTests {
    static let host = "ecs.cn-hangzhou.aliyuncs.com"

    /// Errors of every kind the client meets, with whether they are transient.
    static let errors: [(name: String, error: any Error, transient: Bool)] = [
        ("Throttling", ServiceError(code: "Throttling", message: "m", httpStatus: 400), true),
        ("Throttling.User", ServiceError(code: "Throttling.User", message: "m", httpStatus: 400), true),
        ("Throttling.Api", ServiceError(code: "Throttling.Api", message: "m", httpStatus: 400), true),
        ("ServiceUnavailable", ServiceError(code: "ServiceUnavailable", message: "m", httpStatus: 503), true),
        ("InternalError", ServiceError(code: "InternalError", message: "m", httpStatus: 500), true),
        ("500 other code", ServiceError(code: "UnknownError", message: "m", httpStatus: 500), true),
        ("502 other code", ServiceError(code: "BadGateway", message: "m", httpStatus: 502), true),
        ("504 other code", ServiceError(code: "GatewayTimeout", message: "m", httpStatus: 504), true),
        ("501", ServiceError(code: "NotImplemented", message: "m", httpStatus: 501), false),
        ("400 InvalidParameter", ServiceError(code: "InvalidParameter", message: "m", httpStatus: 400), false),
        ("403 Forbidden.RAM", ServiceError(code: "Forbidden.RAM", message: "m", httpStatus: 403), false),
        (
            "404 InvalidDiskId.NotFound", ServiceError(code: "InvalidDiskId.NotFound", message: "m", httpStatus: 404),
            false
        ),
        ("connect failed", TransportError(kind: .connectFailed, host: host, detail: "refused"), true),
        ("timed out", TransportError(kind: .timedOut, host: host, detail: "16 s"), true),
        ("connection lost", TransportError(kind: .connectionLost, host: host, detail: "reset"), true),
        ("invalid request", TransportError(kind: .invalidRequest, host: host, detail: "bad URL"), false),
        ("cancelled", TransportError(kind: .cancelled, host: host, detail: ""), false),
        (
            "502 HTML page",
            RPCError.unexpectedResponse(action: "A", host: host, httpStatus: 502, attempts: 1, reason: "html"), true
        ),
        (
            "200 not JSON",
            RPCError.unexpectedResponse(action: "A", host: host, httpStatus: 200, attempts: 1, reason: "text"), false
        ),
        ("some other error", CocoaError(.fileNoSuchFile), false),
    ]

    static let policy = RetryPolicyFactory.jitter(maxAttempts: 5, random: { 0.5 }).policy

    @Test(arguments: errors.indices)
    func readsAreRetriedOnTransientFailuresOnly(index: Int) {
        let (name, error, transient) = Self.errors[index]
        let delay = Self.policy.delay(after: FailedAttempt(action: "DescribeDisks", attempt: 1, error: error))
        #expect((delay != nil) == transient, "\(name)")
    }

    @Test(arguments: ["ReInitDisk", "StartInstance", "StopInstance", "ModifyInstanceAttribute"], errors.indices)
    func writesAreRetriedOnlyWhenNothingWasSent(action: String, index: Int) {
        let (name, error, _) = Self.errors[index]
        let delay = Self.policy.delay(after: FailedAttempt(action: action, attempt: 1, error: error))
        let connectFailed = (error as? TransportError)?.kind == .connectFailed
        #expect((delay != nil) == connectFailed, "\(action) after \(name)")
    }

    @Test(arguments: [
        ("DescribeDisks", true), ("DescribeInstances", true), ("ListTagResources", true), ("QueryTask", true),
        ("Describe", true), ("ReInitDisk", false), ("StartInstance", false), ("StopInstance", false),
        ("Describer", false), ("describeDisks", false), ("ModifyDescribe", false), ("", false),
    ])
    func readOnlyActionsAreRecognisedByPrefix(action: String, readOnly: Bool) {
        #expect(RetryRules.isReadOnly(action: action) == readOnly)
    }

    /// Full jitter: the wait is `random × min(cap, base × 2^(attempt-1))`.
    @Test(arguments: [(1, 50), (2, 100), (3, 200), (4, 400), (5, 500), (9, 500)])
    func backOffDoublesUpToTheCap(attempt: Int, milliseconds: Int) {
        let policy = RetryPolicyFactory.jitter(
            maxAttempts: 10, base: .milliseconds(100), cap: .seconds(1), random: { 0.5 }
        ).policy
        let delay = policy.delay(after: FailedAttempt(action: "DescribeDisks", attempt: attempt, error: Self.throttled))
        #expect(delay.map(Self.milliseconds) == milliseconds)
    }

    @Test(arguments: [(0.0, 0), (0.25, 100), (0.99, 396), (1.5, 400), (-3.0, 0)])
    func jitterIsAFractionOfTheCeiling(random: Double, milliseconds: Int) {
        let policy = RetryPolicyFactory.jitter(
            maxAttempts: 10, base: .milliseconds(100), cap: .seconds(10), random: { random }
        ).policy
        let delay = policy.delay(after: FailedAttempt(action: "DescribeDisks", attempt: 3, error: Self.throttled))
        #expect(delay.map(Self.milliseconds) == milliseconds)
    }

    @Test(arguments: 1...6)
    func maxAttemptsCountsTheFirstAttempt(attempt: Int) {
        let policy = RetryPolicyFactory.jitter(maxAttempts: 4, random: { 0.5 }).policy
        let delay = policy.delay(after: FailedAttempt(action: "DescribeDisks", attempt: attempt, error: Self.throttled))
        #expect((delay != nil) == (attempt < 4))
    }

    @Test
    func hugeAttemptNumbersStayAtTheCap() {
        let policy = RetryPolicyFactory.jitter(maxAttempts: .max, base: .seconds(1), cap: .seconds(3), random: { 1 })
            .policy
        let delay = policy.delay(after: FailedAttempt(action: "DescribeDisks", attempt: 5000, error: Self.throttled))
        #expect(delay.map(Self.milliseconds) == 3000)
    }

    @Test(arguments: [(1500, 1500), (0, 0), (-20, 0), (60_000, 20_000)])
    func retryAfterReplacesTheJitterUpToItsCap(retryAfter: Int, milliseconds: Int) {
        let policy = RetryPolicyFactory.jitter(retryAfterCap: .seconds(20), random: { 0.5 }).policy
        let failure = FailedAttempt(
            action: "DescribeDisks", attempt: 1, error: Self.throttled, retryAfter: .milliseconds(retryAfter))
        #expect(policy.delay(after: failure).map(Self.milliseconds) == milliseconds)
    }

    @Test
    func retryAfterDoesNotMakeAFailureRetryable() {
        let failures = [
            FailedAttempt(
                action: "DescribeDisks", attempt: 1,
                error: ServiceError(code: "InvalidParameter", message: "m", httpStatus: 400), retryAfter: .seconds(1)),
            FailedAttempt(action: "ReInitDisk", attempt: 1, error: Self.throttled, retryAfter: .seconds(1)),
            FailedAttempt(action: "DescribeDisks", attempt: 4, error: Self.throttled, retryAfter: .seconds(1)),
        ]
        let policy = RetryPolicyFactory.jitter(maxAttempts: 4).policy
        for failure in failures {
            #expect(policy.delay(after: failure) == nil, "\(failure.action) attempt \(failure.attempt)")
        }
    }

    @Test
    func noneNeverRetries() {
        let failure = FailedAttempt(action: "DescribeDisks", attempt: 1, error: Self.throttled, retryAfter: .seconds(1))
        #expect(RetryPolicyFactory.none.policy.delay(after: failure) == nil)
    }

    @Test
    func customPoliciesAreUsedAsGiven() {
        struct Always: RetryPolicy {
            func delay(after failure: FailedAttempt) -> Duration? { .seconds(failure.attempt) }
        }
        let failure = FailedAttempt(action: "ReInitDisk", attempt: 7, error: Self.throttled)
        #expect(RetryPolicyFactory.custom(Always()).policy.delay(after: failure) == .seconds(7))
    }

    static let throttled = ServiceError(
        code: "Throttling", message: "Request was denied due to flow control.", httpStatus: 400)

    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int((Double(seconds) * 1000 + Double(attoseconds) / 1e15).rounded())
    }
}
