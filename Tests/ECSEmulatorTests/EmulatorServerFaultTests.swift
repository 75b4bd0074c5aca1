import AliyunCore
import Foundation
import TestSupport
import Testing

@testable import ECSEmulator

/// `ecsh serve --faults` over a real socket: what each injected fault looks like to `RPCClient` on libcurl,
/// what the retry policy makes of it, and what it did (or did not do) to the world.
@Suite(.timeLimit(.minutes(1)))
struct EmulatorServerFaultTests {
    /// A disk whose ReInitDisk succeeds in the sandbox (its instance is Stopped), and its neighbour.
    static let disk = "d-bp1oksystem000001"
    static let otherDisk = "d-bp1okdataempty001"
    static let describeDisks = ["RegionId": "cn-hangzhou"]

    static func reInit(_ diskId: String = disk) -> [String: String] {
        ["DiskId": diskId, "RegionId": "cn-hangzhou", "Password": "EcsV587!"]
    }

    /// A clock that stays put, so that a `ReIniting` disk stays so while the test looks.
    static func clock() -> FixedClock { FixedClock(iso8601: "2024-06-01T00:00:00Z") }

    static func faults(_ fault: FaultSpec.Fault) -> FaultSpec { FaultSpec(probabilities: [fault: 1]) }

    @Test func throttlingIs400WithARetryAfterHeader() async throws {
        let served = try ServedEmulator(faults: Self.faults(.throttle))
        let raw = try await CurlTransport().send(
            HTTPRequest(method: "POST", url: "http://127.0.0.1:\(served.port)/?Action=DescribeRegions&Format=JSON"))
        #expect(raw.status == 400)
        #expect(raw.header("x-acs-retry-after") == "200")
        #expect(raw.header("content-type") == "application/json;charset=utf-8")

        let error = await #expect(throws: ServiceError.self) {
            try await served.client().call("DescribeDisks", parameters: Self.describeDisks)
        }
        #expect(error?.code == "Throttling")
        #expect(error?.httpStatus == 400)
        #expect(error?.requestId?.isEmpty == false)
    }

    /// An injected error answers as the emulator's own errors do: `Format` from the query or the form body,
    /// XML by default without a v3 signature, and the addressed host as `HostId`.
    @Test func injectedErrorsTakeTheFormatAndHostTheRequestAsksFor() async throws {
        let served = try ServedEmulator(faults: Self.faults(.unavailable))
        let transport = CurlTransport()
        let url = "http://127.0.0.1:\(served.port)/?Action=DescribeRegions"
        let plain = try await transport.send(HTTPRequest(method: "POST", url: url))
        #expect(plain.status == 503)
        #expect(plain.header("content-type") == "text/xml;charset=utf-8")
        #expect(String(decoding: plain.body, as: UTF8.self).contains("<HostId>127.0.0.1:\(served.port)</HostId>"))
        let form = try await transport.send(
            HTTPRequest(
                method: "POST", url: url, headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: Data("Format=JSON".utf8)))
        #expect(form.header("content-type") == "application/json;charset=utf-8")
        let body = try JSONValue.parse(form.body)
        #expect(body["Code"] == .string("ServiceUnavailable"))
        #expect(body["HostId"] == .string("127.0.0.1:\(served.port)"))
    }

    @Test(arguments: [
        (FaultSpec.Fault.throttle, "Throttling", 400),
        (.error500, "InternalError", 500),
        (.unavailable, "ServiceUnavailable", 503),
    ])
    func answeredFaultsRetryReadsButNeverReInitDisk(fault: FaultSpec.Fault, code: String, status: Int) async throws {
        let served = try ServedEmulator(clock: Self.clock(), faults: Self.faults(fault))

        let once = await #expect(throws: ServiceError.self) {
            try await served.client().call("DescribeDisks", parameters: Self.describeDisks)
        }
        #expect(once?.code == code)
        #expect(once?.httpStatus == status)

        // The default policy: a read is tried again (4 attempts in all), ReInitDisk is not.
        let counting = CountingTransport(CurlTransport())
        let sleeper = RecordingSleeper()
        let client = served.client(transport: counting, retryPolicy: .jitter(), sleep: { try await sleeper.sleep($0) })
        let read = await #expect(throws: ServiceError.self) {
            try await client.call("DescribeDisks", parameters: Self.describeDisks)
        }
        let write = await #expect(throws: ServiceError.self) {
            try await client.call("ReInitDisk", parameters: Self.reInit())
        }
        #expect(read?.code == code)
        #expect(write?.code == code)
        #expect(counting.attempts("DescribeDisks") == 4)
        #expect(counting.attempts("ReInitDisk") == 1)
        #expect(sleeper.durations.count == 3)
        if fault == .throttle {
            // The server's x-acs-retry-after (200 ms) replaces the random wait.
            #expect(sleeper.durations == Array(repeating: .milliseconds(200), count: 3))
        }
        #expect(served.diskStatus(Self.disk) == .inUse)
    }

    @Test func dropBeforeLeavesTheWorldAsItWasAndTheClientInDoubt() async throws {
        let directory = try TemporaryHome()
        defer { directory.remove() }
        let logPath = directory.path + "/serve.log"
        let served = try ServedEmulator(clock: Self.clock(), faults: Self.faults(.dropBefore), logPath: logPath)
        let counting = CountingTransport(CurlTransport())
        let client = served.client(transport: counting, retryPolicy: .jitter(), sleep: { _ in })

        let error = await #expect(throws: RPCError.self) {
            try await client.call("ReInitDisk", parameters: Self.reInit())
        }
        #expect(error?.code == .outcomeUnknown)
        #expect((error?.underlying as? TransportError)?.kind == .connectionLost)
        #expect(counting.attempts("ReInitDisk") == 1)
        #expect(served.diskStatus(Self.disk) == .inUse)
        #expect(try logLines(logPath).isEmpty)

        // A read that gets no answer is a definite transport failure: nothing changed.
        let read = await #expect(throws: RPCError.self) {
            try await served.client().call("DescribeDisks", parameters: Self.describeDisks)
        }
        #expect(read?.code == .transportFailure)
    }

    @Test func dropAfterAppliesTheCallThoughTheClientCannotTell() async throws {
        let directory = try TemporaryHome()
        defer { directory.remove() }
        let logPath = directory.path + "/serve.log"
        let served = try ServedEmulator(clock: Self.clock(), faults: Self.faults(.dropAfter), logPath: logPath)
        let counting = CountingTransport(CurlTransport())
        let client = served.client(transport: counting, retryPolicy: .jitter(), sleep: { _ in })

        let error = await #expect(throws: RPCError.self) {
            try await client.call("ReInitDisk", parameters: Self.reInit())
        }
        #expect(error?.code == .outcomeUnknown)
        #expect(counting.attempts("ReInitDisk") == 1)
        #expect(served.diskStatus(Self.disk) == .reIniting)
        #expect(served.diskStatus(Self.otherDisk) == .inUse)
        let lines = try logLines(logPath)
        #expect(lines.count == 1)
        #expect(lines.first?["Action"] == .string("ReInitDisk"))
        #expect(lines.first?["Code"] == .string("Success"))
        #expect(lines.first?["Parameters"]?["DiskId"] == .string(Self.disk))
    }

    /// libcurl resends a request by itself when a kept-alive connection closes without an answer; for a
    /// ReInitDisk that was applied before the drop, that resend would be a second ReInitDisk.
    @Test func aDropOnAKeptAliveConnectionIsNotResent() async throws {
        let spec = FaultSpec(probabilities: [.dropAfter: 0.5])
        // A seed whose first request goes through and whose second is dropped after being applied.
        let seed = try #require(
            (UInt64(1)...1000).first { seed in
                let injector = FaultInjector(spec: spec, seed: seed)
                return injector.nextFault() == nil && injector.nextFault() == .dropAfter
            })
        let directory = try TemporaryHome()
        defer { directory.remove() }
        let logPath = directory.path + "/serve.log"
        let served = try ServedEmulator(clock: Self.clock(), faults: spec, seed: seed, logPath: logPath)
        let transport = CurlTransport()
        let client = served.client(transport: transport, retryPolicy: .jitter(), sleep: { _ in })

        _ = try await client.call("DescribeRegions")
        #expect(transport.connectionsOpened == 1)
        let error = await #expect(throws: RPCError.self) {
            try await client.call("ReInitDisk", parameters: Self.reInit())
        }

        #expect(error?.code == .outcomeUnknown)
        #expect(served.diskStatus(Self.disk) == .reIniting)
        #expect(try logLines(logPath).filter { $0["Action"] == .string("ReInitDisk") }.count == 1)
    }

    /// Only a lower bound is asserted: an upper one would depend on the machine's load.
    @Test func latencyDelaysTheAnswerByAtLeastThatMuch() async throws {
        let served = try ServedEmulator(faults: FaultSpec(latencyMilliseconds: 150))
        let client = served.client()
        let started = ContinuousClock.now
        _ = try await client.call("DescribeRegions")
        #expect(ContinuousClock.now - started >= .milliseconds(150))
    }

    /// Stopping the server does not wait out the latency of requests in progress. The bound asserted is a
    /// third of the latency: a server that waits it out misses it by far on any machine.
    @Test func stoppingDoesNotWaitOutTheLatency() async throws {
        let served = try ServedEmulator(faults: FaultSpec(latencyMilliseconds: 30_000))
        let call = Task { try await served.client().call("DescribeRegions") }
        while served.server.requestsInProgress == 0 {
            try await Task.sleep(for: .milliseconds(5))
        }

        let started = ContinuousClock.now
        served.server.stop()
        #expect(ContinuousClock.now - started < .seconds(10))
        let error = await #expect(throws: RPCError.self) { try await call.value }
        #expect(error?.code == .transportFailure)
    }

    @Test func theSameSeedMeetsTheSameFaultsInTheSameOrder() async throws {
        let spec = try FaultSpec(
            parsing: "throttle=0.2,error500=0.15,unavailable=0.15,drop-before=0.1,drop-after=0.1")
        let count = 40

        func outcomes(seed: UInt64) async throws -> [String] {
            let served = try ServedEmulator(clock: Self.clock(), faults: spec, seed: seed)
            let client = served.client()
            var outcomes: [String] = []
            for _ in 0..<count {
                do {
                    _ = try await client.call("DescribeRegions")
                    outcomes.append("ok")
                } catch let error as ServiceError {
                    outcomes.append(error.code)
                } catch let error as RPCError {
                    outcomes.append("\(error.code)")
                }
            }
            return outcomes
        }

        // What the injector's own sequence predicts, fault by fault.
        let injector = FaultInjector(spec: spec, seed: 7)
        let predicted = (0..<count).map { _ -> String in
            switch injector.nextFault() {
            case nil: "ok"
            case .throttle: "Throttling"
            case .error500: "InternalError"
            case .unavailable: "ServiceUnavailable"
            case .dropBefore, .dropAfter: "transportFailure"
            }
        }
        let first = try await outcomes(seed: 7)
        let again = try await outcomes(seed: 7)
        let other = try await outcomes(seed: 8)

        #expect(first == predicted)
        #expect(again == first)
        #expect(other != first)
        #expect(Set(first).count == 5)
    }
}

/// The mutation log's lines, each parsed as JSON (a torn line fails the parse).
func logLines(_ path: String) throws -> [JSONValue] {
    guard FileManager.default.fileExists(atPath: path) else { return [] }
    return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
        try JSONValue.parse(Data($0.utf8))
    }
}
