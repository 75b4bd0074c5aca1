import AliyunCore
import Foundation
import Synchronization

/// One kind of cached list (disks, instances, …), per key. A fresh value answers at once; otherwise at most
/// one fetch per key runs, and a caller waits for it only up to a time limit, so that a Tab never hangs on
/// the network: a late answer fills the cache for the next Tab.
final class ResourceSlot<Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var fetchedAt: Date
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// The fetches running now; each group is left once its fetch is over.
        var inFlight: [String: DispatchGroup] = [:]
        /// Bumped by `clear`, so that a fetch started before it cannot store an answer after it.
        var generation = 0
    }

    private let state = Mutex(State())
    private let ttl: TimeInterval
    private let timeLimit: TimeInterval
    private let clock: any Clock

    init(ttl: TimeInterval, timeLimit: TimeInterval, clock: any Clock) {
        self.ttl = ttl
        self.timeLimit = timeLimit
        self.clock = clock
    }

    /// The value for `key`: the cached one while fresh, else what `fetch` brings within the time limit,
    /// else the stale one, else nil. Blocks the calling thread, so call it from a thread of its own (the
    /// line editor's), never from Swift concurrency's pool, whose threads the fetch itself needs.
    func value(for key: String, fetch: @escaping @Sendable () async throws -> Value) -> Value? {
        let now = clock.now()
        let running: DispatchGroup? = state.withLock { state in
            if let entry = state.entries[key], now.timeIntervalSince(entry.fetchedAt) < ttl { return nil }
            if let running = state.inFlight[key] { return running }
            let group = DispatchGroup()
            group.enter()
            state.inFlight[key] = group
            start(fetch, for: key, generation: state.generation, group: group)
            return group
        }
        if let running {
            _ = running.wait(timeout: .now() + timeLimit)
        }
        return state.withLock { $0.entries[key]?.value }
    }

    /// Forgets every value; fetches still running are not waited for, and their answers are dropped.
    func clear() {
        state.withLock { state in
            state.entries = [:]
            state.inFlight = [:]
            state.generation += 1
        }
    }

    private func start(
        _ fetch: @escaping @Sendable () async throws -> Value, for key: String, generation: Int, group: DispatchGroup
    ) {
        Task.detached { [self] in
            // A failed fetch stores nothing: what was cached stays, and the next Tab tries again.
            let value = try? await fetch()
            let fetchedAt = clock.now()
            state.withLock { state in
                guard state.generation == generation else { return }
                state.inFlight[key] = nil
                if let value { state.entries[key] = Entry(value: value, fetchedAt: fetchedAt) }
            }
            group.leave()
        }
    }
}
