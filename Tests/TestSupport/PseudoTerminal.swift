import Foundation

/// A program run inside a new pseudo-terminal (120x40), as a user at a terminal would run it: keys are
/// written to the terminal, and the screen output is read back with ANSI escape sequences stripped.
public final class PseudoTerminal {
    /// The terminal could not be made or the program not started.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// `waitFor` or `waitForExit` ran out of time.
    public struct Timeout: Error, CustomStringConvertible {
        public var expected: String
        public var output: String
        public var description: String {
            "timed out waiting for \(expected.debugDescription); output so far: \(output.debugDescription)"
        }
    }

    /// The child's process id; 0 for a terminal without a program.
    public let pid: Int32
    /// The slave side's path, for a test that runs the terminal's program in its own process.
    public let slavePath: String
    private let master: Int32
    private var raw: [UInt8] = []
    private var exitStatus: Int32?

    /// Starts `path` with `arguments` (not counting argv[0]) and `environment` in its own session, whose
    /// controlling terminal is the new pseudo-terminal's slave side.
    public init(_ path: String, arguments: [String] = [], environment: [String: String] = ["TERM": "xterm"]) throws {
        let (master, slavePath) = try Self.openMaster()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid, so the slave becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        _ = LibC.closeFrom?(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Test threads may block signals, and a child inherits the mask: start it with none blocked.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &interrupt)
        posix_spawnattr_setflags(
            &attributes, LibC.spawnSetsid | Int16(POSIX_SPAWN_SETSIGMASK) | Int16(POSIX_SPAWN_SETSIGDEF))
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard status == 0 else {
            close(master)
            throw Failure(description: "cannot start \(path): \(String(cString: strerror(status)))")
        }
        self.pid = pid
        self.master = master
        self.slavePath = slavePath
    }

    /// A pseudo-terminal with no program: the test opens `slavePath` itself.
    public init() throws {
        (master, slavePath) = try Self.openMaster()
        pid = 0
    }

    deinit {
        if exitStatus == nil && pid > 0 {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Whether this machine lets a process open a pseudo-terminal.
    public static var isAvailable: Bool {
        guard let (master, _) = try? openMaster() else { return false }
        close(master)
        return true
    }

    /// A new pseudo-terminal of 120 columns and 40 rows: its master side and its slave's path.
    public static func openMaster() throws -> (Int32, String) {
        guard let libc = LibC.terminalFunctions else { throw Failure(description: "no pseudo-terminal functions") }
        let master = libc.openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        var name = [CChar](repeating: 0, count: 128)
        guard master >= 0, libc.grantpt(master) == 0, libc.unlockpt(master) == 0,
            libc.ptsname(master, &name, name.count) == 0
        else {
            let reason = String(cString: strerror(errno))
            if master >= 0 { close(master) }
            throw Failure(description: "cannot open a pseudo-terminal: \(reason)")
        }
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        return (master, String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// Types `text` (e.g. "\t", "\u{03}" for Ctrl-C, "\u{04}" for Ctrl-D, "\r" for Return).
    public func send(_ text: String) {
        Self.write(text, to: master)
    }

    /// Writes all of `text` to `fd`.
    public static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            bytes = bytes.dropFirst(count)
        }
    }

    /// All output so far, escape sequences stripped.
    public var output: String { Self.stripEscapes(String(decoding: raw, as: UTF8.self)) }

    /// Reads until the output (escapes stripped) contains `text`; returns the output so far.
    @discardableResult
    public func waitFor(_ text: String, timeout: Duration = .seconds(10)) throws -> String {
        try waitUntil(text, timeout: timeout) { $0.contains(text) }
    }

    /// Reads until `condition` holds for the output (escapes stripped); returns the output so far.
    /// `expected` describes the wait in the error.
    @discardableResult
    public func waitUntil(
        _ expected: String, timeout: Duration = .seconds(10), _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = ContinuousClock.now + timeout
        while !condition(output) {
            guard ContinuousClock.now < deadline, readAvailable(until: deadline) else {
                throw Timeout(expected: expected, output: output)
            }
        }
        return output
    }

    /// As `waitFor`, without holding a thread of the cooperative pool while waiting.
    @discardableResult
    public func waitFor(_ text: String, timeout: Duration = .seconds(10)) async throws -> String {
        try await waitUntil(text, timeout: timeout) { $0.contains(text) }
    }

    /// As `waitUntil`, without holding a thread of the cooperative pool while waiting.
    @discardableResult
    public func waitUntil(
        _ expected: String, timeout: Duration = .seconds(10), _ condition: (String) -> Bool
    ) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while !condition(output) {
            guard ContinuousClock.now < deadline else { throw Timeout(expected: expected, output: output) }
            if !readAvailable(until: ContinuousClock.now) { try await Task.sleep(for: .milliseconds(5)) }
        }
        return output
    }

    /// Waits for the program to exit and returns its exit status (128 + the signal if killed).
    public func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while exitStatus == nil {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let signal = status & 0x7f
                exitStatus = signal == 0 ? (status >> 8) & 0xff : 128 + signal
                break
            }
            guard ContinuousClock.now < deadline else { throw Timeout(expected: "exit", output: output) }
            _ = readAvailable(until: min(deadline, ContinuousClock.now + .milliseconds(20)))
        }
        return exitStatus!
    }

    /// Reads what arrives before `deadline`; false when nothing more can come (timeout or end).
    private func readAvailable(until deadline: ContinuousClock.Instant) -> Bool {
        let remaining = ContinuousClock.now.duration(to: deadline)
        let milliseconds = max(
            0, Int32(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return false }  // EIO once the child has closed the terminal
        raw += buffer[..<count]
        return true
    }

    /// `text` without ANSI/VT100 escape sequences (CSI, OSC, and two-character ones).
    public static func stripEscapes(_ text: String) -> String {
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalars.next() {
            case "[":
                while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
            case "]":
                while let next = scalars.next(), next != "\u{07}", next != "\u{1B}" {}
            default:
                break
            }
        }
        return result
    }
}
