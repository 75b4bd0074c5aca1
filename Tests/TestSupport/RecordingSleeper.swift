import Foundation

/// A stand-in for `Task.sleep` that returns at once and remembers how long it was asked to wait.
/// Given a `FixedClock`, it moves the clock on by that much, as real waiting would.
public final class RecordingSleeper: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Duration] = []
    private let clock: FixedClock?

    public init(advancing clock: FixedClock? = nil) { self.clock = clock }

    /// The waits asked for so far, in order.
    public var durations: [Duration] { lock.withLock { recorded } }

    public func sleep(_ duration: Duration) async throws {
        lock.withLock { recorded.append(duration) }
        let (seconds, attoseconds) = duration.components
        clock?.advance(by: Double(seconds) + Double(attoseconds) / 1e18)
    }
}
