import AliyunCore
import Foundation

/// How waiting commands (`wait`, `reinit --wait`, `stop --wait`) tell time and pause between polls.
/// Injected so that tests move a fixed clock instead of sleeping, with the emulator on the same clock.
struct Pacing: Sendable {
    var clock: any Clock
    var sleep: @Sendable (Duration) async throws -> Void
    /// Between two Describe calls: short enough to see a 5 s transition promptly, long enough to stay far
    /// below the API's rate limits with several disks polled at once.
    var interval: Duration

    /// The wall clock and `Task.sleep`, which throws at once when the command is cancelled (Ctrl-C).
    static let realTime = Pacing(
        clock: SystemClock(), sleep: { try await Task.sleep(for: $0) }, interval: .seconds(2))

    /// `--timeout` when not given, in seconds.
    static let defaultTimeout = 600
    /// What `--timeout` accepts, in seconds: up to a day.
    static let timeoutRange = 1...86_400

    /// Seconds since `start` on this clock.
    func elapsed(since start: Date) -> TimeInterval {
        max(0, clock.now().timeIntervalSince(start))
    }
}
