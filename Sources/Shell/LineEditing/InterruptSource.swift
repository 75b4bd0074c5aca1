import CEditLine
import Foundation
import Synchronization

/// All SIGINT handling of the process. A Ctrl-C cancels the command that runs (`run`); with none running it
/// wakes whoever waits for terminal input (a listener); with neither, it is remembered (`pendingInterrupt`).
final class InterruptSource: Sendable {
    static let shared = InterruptSource()

    private struct Operation {
        let cancel: @Sendable () -> Void
        var interrupted = false
    }

    private struct State {
        var operations: [UInt64: Operation] = [:]
        var listeners: [(id: UInt64, wake: @Sendable () -> Void)] = []
        var pending = false
        var nextID: UInt64 = 0
        var installed = false

        mutating func makeID() -> UInt64 {
            nextID += 1
            return nextID
        }
    }

    private let state = Mutex(State())

    init() {}

    /// Routes the process's SIGINT here. The handler only writes to a pipe; a thread of our own reads it.
    func install() {
        let isNew = state.withLock { state in
            defer { state.installed = true }
            return !state.installed
        }
        guard isNew else { return }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        let readEnd = ends[0]
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        // The write end must not block inside the handler.
        _ = fcntl(ends[1], F_SETFL, O_NONBLOCK)
        let thread = Thread { [self] in
            var bytes = [UInt8](repeating: 0, count: 16)
            while true {
                let count = read(readEnd, &bytes, bytes.count)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return }
                for _ in 0..<count { deliver() }
            }
        }
        thread.name = "ecsh-sigint"
        thread.start()
        _ = ecsh_install_sigint_pipe(ends[1])
    }

    /// What one SIGINT does.
    func deliver() {
        let wake: (@Sendable () -> Void)? = state.withLock { state in
            if !state.operations.isEmpty {
                for id in state.operations.keys {
                    state.operations[id]?.interrupted = true
                    state.operations[id]?.cancel()
                }
                return nil
            }
            if let listener = state.listeners.last { return listener.wake }
            state.pending = true
            return nil
        }
        wake?()
    }

    /// An interrupt arrived while nothing ran and nobody waited for input.
    var pendingInterrupt: Bool { state.withLock { $0.pending } }

    /// Returns and clears `pendingInterrupt`.
    func takePendingInterrupt() -> Bool {
        state.withLock { state in
            defer { state.pending = false }
            return state.pending
        }
    }

    /// Runs `operation` in a task of its own that a SIGINT cancels; once interrupted, throws
    /// `InterruptedError` after the operation has finished, whatever it returned.
    func run<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await operation() }
        let id = state.withLock { state in
            let id = state.makeID()
            state.operations[id] = Operation(cancel: { task.cancel() })
            return id
        }
        let result = await withTaskCancellationHandler {
            await task.result
        } onCancel: {
            task.cancel()
        }
        let interrupted = state.withLock { $0.operations.removeValue(forKey: id)?.interrupted ?? false }
        if interrupted { throw InterruptedError() }
        return try result.get()
    }

    /// While registered, a SIGINT with no operation running calls `wake` (the latest listener wins).
    func addListener(_ wake: @escaping @Sendable () -> Void) -> UInt64 {
        state.withLock { state in
            let id = state.makeID()
            state.listeners.append((id, wake))
            return id
        }
    }

    func removeListener(_ id: UInt64) {
        state.withLock { $0.listeners.removeAll { $0.id == id } }
    }
}
