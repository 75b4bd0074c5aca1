import Foundation
import Synchronization

/// The live line of a `reinit`, `stop --wait` or `wait` at a terminal, drawn from a `ReinitProgress`
/// that concurrent tasks update. Drawing happens under the lock, so two updates never interleave.
final class ProgressLine: Sendable {
    private let console: Console
    private let pacing: Pacing
    private let start: Date
    private let state: Mutex<ReinitProgress>

    init(diskIds: [String], console: Console, pacing: Pacing) {
        self.console = console
        self.pacing = pacing
        self.start = pacing.clock.now()
        self.state = Mutex(ReinitProgress(diskIds: diskIds))
    }

    /// Records a phase and redraws the line.
    func record(_ phase: ReinitProgress.Phase, for id: String) {
        let seconds = Int(pacing.elapsed(since: start))
        state.withLock { progress in
            progress.record(phase, for: id)
            console.progress(progress.line(seconds: seconds))
        }
    }

    /// Clears the line: the command prints its results (or its error) on a clean line.
    func end() {
        state.withLock { _ in console.endProgress() }
    }
}
