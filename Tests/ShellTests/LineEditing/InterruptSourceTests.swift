import Foundation
import Synchronization
import Testing

@testable import Shell

/// The process-wide SIGINT is shared by every test: these run one at a time.
@Suite(.serialized) struct InterruptSourceTests {
    @Test func realSignalCancelsTheRunningOperation() async throws {
        let source = InterruptSource.shared
        source.install()
        _ = source.takePendingInterrupt()
        let started = ContinuousClock.now
        await #expect(throws: InterruptedError.self) {
            try await source.run {
                Task.detached {
                    try await Task.sleep(for: .milliseconds(100))
                    kill(getpid(), SIGINT)
                }
                try await Task.sleep(for: .seconds(30))
            }
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(!source.pendingInterrupt)
    }

    @Test func signalWithNothingRunningIsPending() async throws {
        let source = InterruptSource.shared
        source.install()
        _ = source.takePendingInterrupt()
        // kill, not raise: the calling thread may be a dispatch worker, which blocks signals.
        kill(getpid(), SIGINT)
        for _ in 0..<200 where !source.pendingInterrupt { try await Task.sleep(for: .milliseconds(10)) }
        #expect(source.takePendingInterrupt())
        #expect(!source.pendingInterrupt)
    }

    @Test func swallowedCancellationStillThrows() async {
        let source = InterruptSource()
        await #expect(throws: InterruptedError.self) {
            try await source.run {
                Task.detached {
                    try await Task.sleep(for: .milliseconds(50))
                    source.deliver()
                }
                try? await Task.sleep(for: .seconds(30))  // swallows the cancellation
                return 42
            }
        }
    }

    @Test func uninterruptedOperationReturnsOrThrowsItsOwn() async throws {
        struct Oops: Error {}
        let source = InterruptSource()
        #expect(try await source.run { 7 } == 7)
        await #expect(throws: Oops.self) { try await source.run { throw Oops() } }
        #expect(!source.pendingInterrupt)
    }

    @Test func listenerIsWokenWhenNothingRuns() {
        let source = InterruptSource()
        let woken = Mutex(0)
        let first = source.addListener { woken.withLock { $0 += 1 } }
        source.deliver()
        #expect(woken.withLock { $0 } == 1)
        #expect(!source.pendingInterrupt)
        source.removeListener(first)
        source.deliver()
        #expect(woken.withLock { $0 } == 1)
        #expect(source.takePendingInterrupt())
    }
}
