import AliyunCore
import Foundation
import TestSupport
import Testing

/// How many attempts `RPCClient` makes, per action and per kind of failure, and how long it waits.
struct RPCClientRetryTests {
    static let html502 = ScriptedTransport.Step.raw(
        502, contentType: "text/html", body: "<html><body><h1>502 Bad Gateway</h1></body></html>")

    /// Failures that keep coming back, and how many attempts a read gets with `maxAttempts: 3`.
    static let failures: [(name: String, step: ScriptedTransport.Step, readAttempts: Int)] = [
        ("Throttling", .serviceError(400, code: "Throttling"), 3),
        ("Throttling.User", .serviceError(400, code: "Throttling.User"), 3),
        ("ServiceUnavailable", .serviceError(503, code: "ServiceUnavailable"), 3),
        ("InternalError", .serviceError(500, code: "InternalError"), 3),
        ("500", .raw(500, contentType: "text/plain", body: "Internal Server Error"), 3),
        ("502", html502, 3),
        ("503", .raw(503, contentType: nil, body: ""), 3),
        ("504", .raw(504, contentType: "text/html", body: "<html>Gateway Time-out</html>"), 3),
        ("connect failure", .transport(.connectFailed), 3),
        ("timeout after send", .transport(.timedOut), 3),
        ("connection lost", .transport(.connectionLost), 3),
        ("400 InvalidParameter", .serviceError(400, code: "InvalidParameter"), 1),
        ("403 Forbidden.RAM", .serviceError(403, code: "Forbidden.RAM"), 1),
        ("404 InvalidDiskId.NotFound", .serviceError(404, code: "InvalidDiskId.NotFound"), 1),
    ]

    @Test(arguments: failures.indices)
    func readsAreRetriedOnTransientFailures(index: Int) async throws {
        let (name, step, expected) = Self.failures[index]
        let harness = try RPCClientHarness(otherwise: step)
        await #expect(throws: (any Error).self) { try await harness.client.call("DescribeDisks") }
        #expect(harness.requests.count == expected, "\(name)")
        #expect(harness.sleeper.durations.count == expected - 1, "\(name)")
    }

    /// Actions that change something get one attempt, unless the connection could not even be made.
    @Test(arguments: ["ReInitDisk", "StartInstance", "StopInstance"], failures.indices)
    func writesAreNotRetriedOnceTheRequestMayHaveArrived(action: String, index: Int) async throws {
        let (name, step, _) = Self.failures[index]
        let harness = try RPCClientHarness(otherwise: step)
        await #expect(throws: (any Error).self) { try await harness.client.call(action, parameters: ["DiskId": "d-1"]) }
        let expected = name == "connect failure" ? 3 : 1
        #expect(harness.requests.count == expected, "\(action) after \(name)")
    }

    @Test
    func aReadRecoversAfterTransientFailures() async throws {
        let harness = try RPCClientHarness([
            .serviceError(400, code: "Throttling"), .transport(.connectionLost), .ok(requestId: "DONE"),
        ])
        let value = try await harness.client.call("DescribeDisks")
        #expect(value["RequestId"]?.stringValue == "DONE")
        #expect(harness.requests.count == 3)
    }

    @Test
    func aWriteIsRepeatedWhenTheConnectionWasNeverMade() async throws {
        let harness = try RPCClientHarness([.transport(.connectFailed), .ok(requestId: "DONE")])
        let value = try await harness.client.call("ReInitDisk", parameters: ["DiskId": "d-1"])
        #expect(value["RequestId"]?.stringValue == "DONE")
        #expect(harness.requests.count == 2)
    }

    @Test(arguments: [1, 2, 5])
    func maxAttemptsIsHonoured(maxAttempts: Int) async throws {
        let harness = try RPCClientHarness(
            otherwise: .serviceError(400, code: "Throttling"), retryPolicy: .jitter(maxAttempts: maxAttempts))
        await #expect(throws: ServiceError.self) { try await harness.client.call("DescribeDisks") }
        #expect(harness.requests.count == maxAttempts)
        #expect(harness.sleeper.durations.count == maxAttempts - 1)
    }

    @Test
    func noRetryPolicyMakesOneAttempt() async throws {
        let harness = try RPCClientHarness(otherwise: .serviceError(400, code: "Throttling"), retryPolicy: .none)
        await #expect(throws: ServiceError.self) { try await harness.client.call("DescribeDisks") }
        #expect(harness.requests.count == 1)
        #expect(harness.sleeper.durations.isEmpty)
    }

    @Test
    func waitsGrowExponentiallyWithJitter() async throws {
        let harness = try RPCClientHarness(
            otherwise: .serviceError(503, code: "ServiceUnavailable"),
            retryPolicy: .jitter(maxAttempts: 4, base: .milliseconds(100), cap: .seconds(10), random: { 0.5 }))
        await #expect(throws: ServiceError.self) { try await harness.client.call("DescribeDisks") }
        #expect(harness.sleeper.durations == [.milliseconds(50), .milliseconds(100), .milliseconds(200)])
    }

    @Test
    func theServersRetryAfterIsHonoured() async throws {
        let harness = try RPCClientHarness(
            [
                .serviceError(400, code: "Throttling", headers: ["x-acs-retry-after": "1500"]),
                .serviceError(400, code: "Throttling.User", headers: ["X-Acs-Retry-After": " 20 "]),
                .serviceError(400, code: "Throttling", headers: ["x-acs-retry-after": "soon"]), .ok(),
            ],
            retryPolicy: .jitter(maxAttempts: 4, base: .milliseconds(100), random: { 0.5 }))
        _ = try await harness.client.call("DescribeDisks")
        #expect(harness.sleeper.durations == [.milliseconds(1500), .milliseconds(20), .milliseconds(200)])
    }

    @Test
    func aLongRetryAfterIsCapped() async throws {
        let harness = try RPCClientHarness(
            [.serviceError(400, code: "Throttling", headers: ["x-acs-retry-after": "3600000"]), .ok()],
            retryPolicy: .jitter(retryAfterCap: .seconds(20)))
        _ = try await harness.client.call("DescribeDisks")
        #expect(harness.sleeper.durations == [.seconds(20)])
    }

    @Test
    func aThrottledWriteIsNotRetriedEvenWithRetryAfter() async throws {
        let harness = try RPCClientHarness(
            otherwise: .serviceError(400, code: "Throttling", headers: ["x-acs-retry-after": "10"]))
        let error = await #expect(throws: ServiceError.self) {
            try await harness.client.call("ReInitDisk", parameters: ["DiskId": "d-1"])
        }
        #expect(error?.code == "Throttling")
        #expect(harness.requests.count == 1)
    }

    @Test
    func cancellationDuringTheWaitStopsTheRetries() async throws {
        struct Stop: Error {}
        let transport = ScriptedTransport(otherwise: .serviceError(400, code: "Throttling"))
        let client = RPCClient(
            endpoint: Endpoint(host: "ecs.cn-hangzhou.aliyuncs.com"), version: "2014-05-26",
            credentials: CountingCredentialProvider(), transport: transport, retryPolicy: .jitter(maxAttempts: 5),
            sleep: { _ in throw Stop() })
        await #expect(throws: Stop.self) { try await client.call("DescribeDisks") }
        #expect(transport.requests.count == 1)
    }
}
