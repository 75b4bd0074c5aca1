import AliyunCore
import Foundation
import TestSupport
import Testing

@testable import Shell

/// The ids behind completion: fetched once per TTL, forgotten by `refresh`, and never worth a hung Tab.
struct ResourceCacheTests {
    @Test func aSecondTabAsksNothingMore() async throws {
        let harness = try CompletionHarness()
        defer { harness.home.remove() }
        let first = await harness.candidates("reinit d-")
        #expect(await harness.candidates("reinit d-bp1ok") == first.filter { $0.hasPrefix("d-bp1ok") })
        #expect(harness.counter.attempts("DescribeDisks") == 1)
        _ = await harness.candidates("stop i-")
        _ = await harness.candidates("start i-")
        #expect(harness.counter.attempts("DescribeInstances") == 1)
        // What needs no ids asks for none.
        _ = await harness.candidates("set output ")
        _ = await harness.candidates("rei")
        #expect(harness.counter.attempts("DescribeKeyPairs") == 0)
    }

    @Test func idsAreFetchedAgainOnceTheyAreOld() async throws {
        let harness = try CompletionHarness()
        defer { harness.home.remove() }
        _ = await harness.candidates("reinit ")
        harness.clock.advance(by: 59)
        _ = await harness.candidates("reinit ")
        #expect(harness.counter.attempts("DescribeDisks") == 1)
        harness.clock.advance(by: 2)
        #expect(await harness.candidates("reinit d-bp1oks") == ["d-bp1oksystem000001"])
        #expect(harness.counter.attempts("DescribeDisks") == 2)
    }

    @Test func eachRegionHasItsOwnIds() async throws {
        let harness = try CompletionHarness()
        defer { harness.home.remove() }
        _ = await harness.candidates("reinit ")
        let shanghai = try harness.session.connector.connect(.sandbox, region: "cn-shanghai")
        harness.session.update { $0.connection = shanghai }
        #expect(await harness.candidates("reinit ") == ["d-uf6okdata00000001", "d-uf6oksystem000001"])
    }

    @Test func refreshForgetsTheIds() async throws {
        let harness = try CompletionHarness()
        defer { harness.home.remove() }
        _ = await harness.candidates("reinit ")
        _ = await harness.candidates("use region ")
        let context = CommandContext(
            session: harness.session, location: nil, shell: ShellServices(runFile: { _, _ in }))
        try await RefreshCommand(arguments: []).run(in: context)
        _ = await harness.candidates("reinit ")
        _ = await harness.candidates("use region ")
        #expect(harness.counter.attempts("DescribeDisks") == 2)
        #expect(harness.counter.attempts("DescribeRegions") == 2)
        #expect(throws: UsageError.self) { try RefreshCommand(arguments: ["now"]) }
    }

    @Test func aHungEndpointCostsATabAboutOneSecond() async throws {
        let harness = try CompletionHarness(timeLimit: 1) { DelayedTransport(delay: .seconds(5), next: $0) }
        defer { harness.home.remove() }
        let started = Date()
        let result = await harness.complete("reinit d-")
        #expect(Date().timeIntervalSince(started) < 3)
        #expect(result.candidates.isEmpty)
    }

    @Test func aLateAnswerFillsTheCacheForTheNextTab() async throws {
        let harness = try CompletionHarness(timeLimit: 0.2) {
            DelayedTransport(delay: .milliseconds(1500), next: $0)
        }
        defer { harness.home.remove() }
        #expect(await harness.candidates("disk d-bp1oks").isEmpty)
        // Still running: the second Tab waits for the same fetch instead of starting another.
        #expect(await harness.candidates("disk d-bp1oks").isEmpty)
        #expect(harness.counter.attempts("DescribeDisks") == 1)
        // Each Tab in the meantime waits for that same fetch; once it is over, its answer is there.
        var found: [String] = []
        for _ in 0..<50 where found.isEmpty {
            found = await harness.candidates("disk d-bp1oks")
        }
        #expect(found == ["d-bp1oksystem000001"])
        #expect(harness.counter.attempts("DescribeDisks") == 1)
    }

    @Test func aFailingEndpointCompletesNothing() async throws {
        let harness = try CompletionHarness { _ in ScriptedTransport(otherwise: .transport(.connectFailed)) }
        defer { harness.home.remove() }
        #expect(await harness.candidates("reinit d-").isEmpty)
        #expect(await harness.candidates("set keypair ").isEmpty)
        // A failure is not cached: the next Tab asks again.
        _ = await harness.candidates("reinit d-")
        #expect(harness.counter.attempts("DescribeDisks") == 2)
    }

    @Test func regionsFallBackToThePublicOnes() async throws {
        let harness = try CompletionHarness { _ in ScriptedTransport(otherwise: .transport(.connectFailed)) }
        defer { harness.home.remove() }
        #expect(
            await harness.candidates("use region cn-h") == ["cn-hangzhou", "cn-heyuan", "cn-hongkong", "cn-huhehaote"])
    }
}
