import Foundation

/// A wait that `interrupt()` ends at once, for every waiter and every later wait, until `rearm()`: so that
/// stopping `ecsh serve` never waits out the latency it injects into requests in progress.
final class InterruptibleDelay: @unchecked Sendable {
    // Why @unchecked: `interrupted` is only read and written with `condition` locked.
    private let condition = NSCondition()
    private var interrupted = false

    /// Waits `milliseconds`; `false` when interrupted, before or during the wait.
    func wait(milliseconds: Int) -> Bool {
        let deadline = Date(timeIntervalSinceNow: Double(milliseconds) / 1000)
        condition.lock()
        defer { condition.unlock() }
        while !interrupted {
            if !condition.wait(until: deadline) { return !interrupted }
        }
        return false
    }

    /// Ends every wait in progress, and makes later ones return at once.
    func interrupt() {
        condition.lock()
        interrupted = true
        condition.broadcast()
        condition.unlock()
    }

    /// Lets waits last again (the server is starting).
    func rearm() {
        condition.lock()
        interrupted = false
        condition.unlock()
    }
}
