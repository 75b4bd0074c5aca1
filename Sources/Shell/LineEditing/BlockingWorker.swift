import Foundation
import Synchronization

/// One long-lived thread for blocking calls (terminal reads, `el_gets`), so that they never hold one of the
/// few threads of Swift's cooperative pool (two on a two-core machine). Jobs run one at a time, in order.
final class BlockingWorker: Sendable {
    /// Shared by the worker and its thread; the thread does not keep the worker alive.
    private final class Mailbox: Sendable {
        let jobs = Mutex<(queue: [@Sendable () -> Void], stopped: Bool)>(([], false))
        let ready = DispatchSemaphore(value: 0)

        func loop() {
            while true {
                ready.wait()
                let next: (@Sendable () -> Void)? = jobs.withLock { state in
                    state.queue.isEmpty ? nil : state.queue.removeFirst()
                }
                guard let next else { return }  // stopped and drained
                next()
            }
        }
    }

    private let mailbox = Mailbox()

    init(name: String) {
        let mailbox = self.mailbox
        let thread = Thread { mailbox.loop() }
        thread.name = name
        thread.start()
    }

    deinit {
        mailbox.jobs.withLock { $0.stopped = true }
        mailbox.ready.signal()
    }

    /// Runs `body` on the worker's thread and waits for it without blocking the caller's thread.
    func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            submit { continuation.resume(returning: body()) }
        }
    }

    /// Runs `body` on the worker's thread and blocks the calling thread until it is done.
    func runAndWait(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        submit {
            body()
            done.signal()
        }
        done.wait()
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        mailbox.jobs.withLock { $0.queue.append(job) }
        mailbox.ready.signal()
    }
}
