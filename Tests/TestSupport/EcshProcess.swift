import Foundation
import Synchronization

/// The built `ecsh` program run as a child process: its output as it arrives, signals, and its exit, all
/// awaited without holding a thread. A watchdog kills the process (SIGKILL) if it outlives `deadline`,
/// so that a test of a hanging program fails instead of hanging; `killedByWatchdog` then says so.
public final class EcshProcess: Sendable {
    /// How the process ended.
    public struct Exit: Sendable, Equatable, CustomStringConvertible {
        /// The exit status, or the signal's number when `bySignal`.
        public var status: Int32
        public var bySignal: Bool

        public init(status: Int32, bySignal: Bool = false) {
            self.status = status
            self.bySignal = bySignal
        }

        public var description: String { bySignal ? "killed by signal \(status)" : "exit status \(status)" }
    }

    /// `ecsh serve` did not say where it listens.
    public struct NotListening: Error, CustomStringConvertible {
        public var description: String
    }

    private struct State {
        var output = Data()
        var errors = Data()
        var outputEnded = false
        var errorsEnded = false
        var exit: Exit?
        var killedByWatchdog = false
        var waiters: [Waiter] = []

        /// Output, errors and exit are all in.
        var isOver: Bool { outputEnded && errorsEnded && exit != nil }
    }

    private struct Waiter {
        let isReady: @Sendable (State) -> Bool
        let continuation: CheckedContinuation<Void, Never>
    }

    /// The child's process id.
    public let pid: Int32
    private let process: Process
    private let state = Mutex(State())

    /// Starts `ecsh` with `arguments`, its standard input empty; `environment` is added to this process's.
    public init(_ arguments: [String], environment: [String: String] = [:], deadline: Duration = .seconds(20)) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try PackagePaths.ecshProgram())
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let box = WeakBox()
        process.terminationHandler = { process in
            let exit = Exit(
                status: process.terminationStatus, bySignal: process.terminationReason == .uncaughtSignal)
            box.process?.update { $0.exit = exit }
        }
        try process.run()
        self.process = process
        pid = process.processIdentifier
        box.process = self
        // The exit may have come before `box` was filled.
        if !process.isRunning {
            let exit = Exit(status: process.terminationStatus, bySignal: process.terminationReason == .uncaughtSignal)
            update { $0.exit = $0.exit ?? exit }
        }
        Self.drain(output.fileHandleForReading, into: self, errors: false)
        Self.drain(errors.fileHandleForReading, into: self, errors: true)
        let seconds = Double(deadline.components.seconds) + Double(deadline.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [weak self] in self?.killIfRunning() }
    }

    deinit {
        if state.withLock({ $0.exit == nil }) { kill(pid, SIGKILL) }
    }

    /// Runs `ecsh` with `arguments` to its end.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], deadline: Duration = .seconds(20)
    ) async throws -> (exit: Exit, output: String, errors: String) {
        let process = try EcshProcess(arguments, environment: environment, deadline: deadline)
        let exit = await process.exit()
        return (exit, process.standardOutput, process.standardError)
    }

    /// What the process wrote to standard output so far.
    public var standardOutput: String { state.withLock { String(decoding: $0.output, as: UTF8.self) } }
    /// What the process wrote to standard error so far.
    public var standardError: String { state.withLock { String(decoding: $0.errors, as: UTF8.self) } }
    /// Whether the watchdog had to kill the process.
    public var killedByWatchdog: Bool { state.withLock { $0.killedByWatchdog } }

    /// Sends `signal` to the process.
    public func signal(_ signal: Int32) { kill(pid, signal) }

    /// Waits for the `listening on http://HOST:PORT` line of `ecsh serve` and returns the port.
    public func listeningPort() async throws -> UInt16 {
        await wait { Self.listeningLine(in: $0.output) != nil || $0.outputEnded }
        guard let line = Self.listeningLine(in: state.withLock { $0.output }), let colon = line.lastIndex(of: ":"),
            let port = UInt16(line[line.index(after: colon)...])
        else {
            let exit = await self.exit()
            throw NotListening(
                description: "ecsh serve never said where it listens (\(exit)"
                    + (killedByWatchdog ? ", killed by the test's watchdog" : "") + "); standard error: "
                    + standardError)
        }
        return port
    }

    /// The first complete line starting `listening on http://`.
    private static func listeningLine(in output: Data) -> Substring? {
        String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().first { $0.hasPrefix("listening on http://") }
    }

    /// Waits for the process to end and its output to be read.
    public func exit() async -> Exit {
        await wait(until: \.isOver)
        return state.withLock { $0.exit! }
    }

    private func wait(until isReady: @escaping @Sendable (State) -> Bool) async {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state in
                if isReady(state) { return true }
                state.waiters.append(Waiter(isReady: isReady, continuation: continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    private func update(_ change: (inout State) -> Void) {
        let ready = state.withLock { state in
            change(&state)
            let waiters = state.waiters
            state.waiters = waiters.filter { !$0.isReady(state) }
            return waiters.filter { $0.isReady(state) }.map(\.continuation)
        }
        for continuation in ready { continuation.resume() }
    }

    private func killIfRunning() {
        let running = state.withLock { state in
            if state.exit == nil { state.killedByWatchdog = true }
            return state.exit == nil
        }
        if running { kill(pid, SIGKILL) }
    }

    /// Reads `handle` to its end on a thread of its own, appending to the state as data comes. The thread
    /// does not keep the object alive: dropping it kills the process, which ends the thread.
    private static func drain(_ handle: FileHandle, into process: EcshProcess, errors: Bool) {
        Thread.detachNewThread { [weak process] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                process?.update { state in
                    if errors { state.errors.append(chunk) } else { state.output.append(chunk) }
                }
            }
            process?.update { state in
                if errors { state.errorsEnded = true } else { state.outputEnded = true }
            }
        }
    }

    /// Lets the termination handler reach the process object once it exists.
    private final class WeakBox: @unchecked Sendable {
        private let lock = NSLock()
        private weak var value: EcshProcess?

        var process: EcshProcess? {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }
}
