import AliyunCore
import Foundation
import TestSupport
import Testing

/// The built `ecsh` program at a terminal, as a person uses it: it runs in a pseudo-terminal with a
/// temporary home and no cloud credentials (so in the sandbox), keys are typed, and the screen is read.
///
/// Only the asynchronous waits of `PseudoTerminal` are used, so that a waiting test holds no thread of the
/// cooperative pool. The built program is needed (`swift build`, as `make test` does).
@Suite(.serialized, .enabled(if: PseudoTerminal.isAvailable), .timeLimit(.minutes(2)))
struct InteractiveShellTests {
    static let prompt = "ecsh sandbox:cn-hangzhou> "
    static let password = "Prompted9!x"
    static let literalPassword = "Abcdef12!"

    /// `ecsh` in a pseudo-terminal, with a way to type a line and wait for the next prompt.
    final class Ecsh {
        let home: TemporaryHome
        let terminal: PseudoTerminal

        /// Starts `ecsh --world SANDBOX arguments` with `HOME` = `home`, `TERM=xterm` and `environment`.
        init(home: TemporaryHome, arguments: [String] = [], environment: [String: String] = [:]) throws {
            self.home = home
            let base = ["HOME": home.path, "TERM": "xterm"]
            terminal = try PseudoTerminal(
                PackagePaths.ecshProgram(), arguments: ["--world", PackagePaths.sandboxWorld] + arguments,
                environment: base.merging(environment) { $1 })
        }

        /// All that the screen showed, escapes stripped.
        var screen: String { terminal.output }

        /// Where the screen's text ends now, to read what comes after it with `screen(since:)`.
        var mark: Int { terminal.output.unicodeScalars.count }

        /// What the screen showed after `mark`.
        func screen(since mark: Int) -> String { Self.text(of: terminal.output, after: mark) }

        /// `screen` without its first `mark` Unicode scalars.
        static func text(of screen: String, after mark: Int) -> String {
            var text = ""
            text.unicodeScalars.append(contentsOf: screen.unicodeScalars.dropFirst(mark))
            return text
        }

        /// How many prompts the screen has shown (libedit shows the prompt again after listing candidates).
        var prompts: Int { terminal.output.components(separatedBy: InteractiveShellTests.prompt).count - 1 }

        /// Waits until the screen shows `text` after `mark`, then a moment more: a key typed at the very
        /// instant the terminal changes mode may be lost, as a person would never type it.
        @discardableResult
        func waitFor(_ text: String, after mark: Int = 0) async throws -> String {
            try await terminal.waitUntil(text) { Self.text(of: $0, after: mark).contains(text) }
            try await Task.sleep(for: .milliseconds(50))
            return screen(since: mark)
        }

        /// Waits for more prompts than `count`, and a moment more.
        func waitForPrompt(after count: Int) async throws {
            try await terminal.waitUntil("prompt number \(count + 1)") { screen in
                screen.components(separatedBy: InteractiveShellTests.prompt).count - 1 > count
            }
            try await Task.sleep(for: .milliseconds(50))
        }

        /// Types `line` and Return at the prompt and waits for the next prompt; returns what was shown.
        @discardableResult
        func enter(_ line: String) async throws -> String {
            let start = mark
            let count = prompts
            terminal.send(line + "\r")
            try await waitForPrompt(after: count)
            return screen(since: start)
        }

        /// Types `keys` (without Return), a little after one another.
        func type(_ keys: String...) async throws {
            for key in keys {
                terminal.send(key)
                try await Task.sleep(for: .milliseconds(30))
            }
        }

        /// Waits (without holding a thread) for the program to end, reading its output meanwhile, and
        /// returns its exit status.
        func exitStatus(timeout: Duration = .seconds(10)) async throws -> Int32 {
            let deadline = ContinuousClock.now + timeout
            while !hasExited {
                guard ContinuousClock.now < deadline else { throw NoExit(output: terminal.output) }
                // Reads what arrives for 20 ms; the condition never holds, so it always times out.
                _ = try? await terminal.waitUntil("output", timeout: .milliseconds(20)) { _ in false }
            }
            return try terminal.waitForExit(timeout: .seconds(1))
        }

        /// The program did not end in time.
        struct NoExit: Error, CustomStringConvertible {
            var output: String
            var description: String { "ecsh did not exit; output so far: \(output.debugDescription)" }
        }

        /// The child has ended (it is not reaped here: `waitForExit` does that).
        private var hasExited: Bool {
            var info = siginfo_t()
            return waitid(P_PID, id_t(terminal.pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0
                && info.si_signo == SIGCHLD
        }
    }

    /// The lines of `screen` (the terminal ends them with "\r\n"), without trailing spaces.
    static func lines(_ screen: String) -> [String] {
        screen.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The entries of a libedit history file: after the `_HiStOrY_V2_` header, one line each, with
    /// spaces and other special characters encoded by vis(3) as `\ooo` octal escapes.
    static func historyEntries(_ text: String) -> [String] {
        text.split(separator: "\n").dropFirst().map { line in
            var bytes: [UInt8] = []
            var rest = Array(line.utf8)[...]
            while let byte = rest.first {
                rest = rest.dropFirst()
                if byte == UInt8(ascii: "\\"), rest.count >= 3,
                    let value = UInt8(String(decoding: rest.prefix(3), as: UTF8.self), radix: 8)
                {
                    bytes.append(value)
                    rest = rest.dropFirst(3)
                } else if byte == UInt8(ascii: "\\"), let next = rest.first {
                    bytes.append(next)
                    rest = rest.dropFirst()
                } else {
                    bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    @Test func startsInTheSandboxAndCompletesCommandsAndDiskIds() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let shell = try Ecsh(home: home)

        try await shell.waitForPrompt(after: 0)
        #expect(shell.screen.contains("Using the sandbox"))
        #expect(shell.screen.hasSuffix(Self.prompt))

        let start = shell.mark
        try await shell.type("rei", "\t")
        // libedit writes only the completed rest of the word after what was typed.
        try await shell.waitFor("nit ", after: start)
        try await shell.type("d-", "\t", "\t")
        let listed = try await shell.waitFor("d-bp1okdataempty001", after: start)
        #expect(listed.contains("d-bp1oksystem000001"))
        #expect(listed.contains("d-bp1errrunning0001"))
        // After the list the whole line is shown again, under a new prompt.
        try await shell.waitFor(Self.prompt + "reinit d-bp1", after: start)

        // The line really holds the completed words: Return runs them (a dry run changes nothing).
        let run = try await shell.enter("oksystem000001 --dry-run")
        #expect(run.contains(try Regex(#"d-bp1oksystem000001\s+ReInitDisk\s+AutoStartInstance=false"#)))
        #expect(!run.contains("error"))
        let disk = try await shell.enter("disk d-bp1oksystem000001")
        #expect(disk.contains(try Regex(#"Status\s+In_use"#)))
    }

    @Test func setPasswordAsksTwiceWithoutEchoAndShowSessionSaysSet() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let shell = try Ecsh(home: home)
        try await shell.waitForPrompt(after: 0)

        let before = try await shell.enter("show session")
        #expect(before.contains(try Regex(#"password\s+unset"#)))

        let start = shell.mark
        let count = shell.prompts
        try await shell.type("set password\r")
        try await shell.waitFor("New password:", after: start)
        try await shell.type(Self.password + "\r")
        try await shell.waitFor("Repeat password:", after: start)
        try await shell.type(Self.password + "\r")
        try await shell.waitForPrompt(after: count)

        let after = try await shell.enter("show session")
        #expect(after.contains(try Regex(#"password\s+set"#)))
        #expect(!shell.screen.contains(Self.password))
        #expect(!shell.screen.contains("Prompted"))
    }

    @Test func controlCAtThePromptDropsTheLineAndTheShellGoesOn() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let shell = try Ecsh(home: home)
        try await shell.waitForPrompt(after: 0)

        let start = shell.mark
        let count = shell.prompts
        try await shell.type("echo dropped")
        try await shell.waitFor("echo dropped", after: start)
        try await shell.type("\u{03}")
        try await shell.waitForPrompt(after: count)

        let alive = try await shell.enter("echo alive")
        #expect(Self.lines(alive).contains("alive"))
        // The dropped line never ran.
        #expect(!Self.lines(shell.screen).contains("dropped"))
    }

    @Test func controlCDuringAWaitReturnsToThePrompt() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let shell = try Ecsh(home: home)
        try await shell.waitForPrompt(after: 0)

        let start = shell.mark
        let count = shell.prompts
        try await shell.type("wait disk d-bp1oksystem000001 ReIniting --timeout 300\r")
        // The progress line says the wait is under way.
        try await shell.waitFor("d-bp1oksystem000001 In_use", after: start)
        try await shell.type("\u{03}")
        try await shell.waitFor("interrupted", after: start)
        try await shell.waitForPrompt(after: count)

        let alive = try await shell.enter("echo alive")
        #expect(Self.lines(alive).contains("alive"))
        let disk = try await shell.enter("disk d-bp1oksystem000001")
        #expect(disk.contains(try Regex(#"Status\s+In_use"#)))
    }

    /// Ctrl-C at a question ends the question at once: the next line typed is a command again, seen on the
    /// screen, not taken as the answer.
    @Test(arguments: [
        ("set password", "New password:"), ("reinit d-bp1oksystem000001", "Continue? [y/N] "),
    ])
    func controlCAtAQuestionEndsItAndTheNextLineIsACommand(_ command: String, _ question: String) async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let shell = try Ecsh(home: home)
        try await shell.waitForPrompt(after: 0)

        let start = shell.mark
        let count = shell.prompts
        try await shell.type(command + "\r")
        try await shell.waitFor(question, after: start)
        try await shell.type("ab", "\u{03}")
        try await shell.waitFor("interrupted", after: start)
        try await shell.waitForPrompt(after: count)

        let alive = try await shell.enter("echo alive")
        #expect(Self.lines(alive).contains("alive"))
        let session = try await shell.enter("show session")
        #expect(session.contains(try Regex(#"password\s+unset"#)))
        let disk = try await shell.enter("disk d-bp1oksystem000001")
        #expect(disk.contains(try Regex(#"Status\s+In_use"#)))
    }

    @Test func reinitAsksAndNoCancelsIt() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let shell = try Ecsh(home: home)
        try await shell.waitForPrompt(after: 0)

        let start = shell.mark
        let count = shell.prompts
        try await shell.type("reinit d-bp1oksystem000001\r")
        try await shell.waitFor("Continue? [y/N] ", after: start)
        try await shell.type("n\r")
        try await shell.waitForPrompt(after: count)
        #expect(shell.screen(since: start).contains("cancelled, nothing was changed"))

        let disk = try await shell.enter("disk d-bp1oksystem000001")
        #expect(disk.contains(try Regex(#"Status\s+In_use"#)))
    }

    @Test func controlDExitsZeroAndThePrivateHistoryKeepsNoPassword() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let shell = try Ecsh(home: home)
        try await shell.waitForPrompt(after: 0)

        try await shell.enter("echo first")
        let count = shell.prompts
        let start = shell.mark
        try await shell.type("set password\r")
        try await shell.waitFor("New password:", after: start)
        try await shell.type(Self.password + "\r")
        try await shell.waitFor("Repeat password:", after: start)
        try await shell.type(Self.password + "\r")
        try await shell.waitForPrompt(after: count)
        try await shell.enter("set password \(Self.literalPassword)")
        try await shell.enter(" echo unremembered")
        try await shell.enter("disks --status In_use")
        try await shell.type("\u{04}")

        #expect(try await shell.exitStatus() == 0)
        let path = home.path + "/.ecsh_history"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("_HiStOrY_V2_\n"))
        #expect(Self.historyEntries(text) == ["echo first", "set password", "disks --status In_use"])
        #expect(text.contains(#"disks\040--status\040In_use"#))
        #expect(!text.contains(Self.password))
        #expect(!text.contains(Self.literalPassword))
        #expect(!text.contains("unremembered"))
        #expect(!shell.screen.contains(Self.password))
    }

    @Test func theHistoryIsLoadedAgainAndEcshHistfileMovesIt() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let path = home.path + "/elsewhere/history"
        try FileManager.default.createDirectory(
            atPath: home.path + "/elsewhere", withIntermediateDirectories: true)

        for line in ["echo one", "echo two"] {
            let shell = try Ecsh(home: home, environment: ["ECSH_HISTFILE": path])
            try await shell.waitForPrompt(after: 0)
            try await shell.enter(line)
            try await shell.type("\u{04}")
            #expect(try await shell.exitStatus() == 0)
        }

        #expect(!FileManager.default.fileExists(atPath: home.path + "/.ecsh_history"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(Self.historyEntries(text) == ["echo one", "echo two"])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        // The `history` command of a third run shows what the first two typed.
        let shell = try Ecsh(home: home, environment: ["ECSH_HISTFILE": path])
        try await shell.waitForPrompt(after: 0)
        let shown = try await shell.enter("history")
        #expect(shown.contains("echo one"))
        #expect(shown.contains("echo two"))
    }

    @Test(arguments: [false, true])
    func theRCFileRunsAtTheStartUnlessNoRC(_ noRC: Bool) async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try home.write("# settings\nset output json\n", to: ".ecshrc")
        let shell = try Ecsh(home: home, arguments: noRC ? ["--no-rc"] : [])
        try await shell.waitForPrompt(after: 0)

        let shown = try await shell.enter("show session")
        let jsonLine = Self.lines(shown).first { $0.hasPrefix("{") }
        if noRC {
            #expect(jsonLine == nil)
            #expect(shown.contains(try Regex(#"output\s+table"#)))
        } else {
            let session = try JSONValue.parse(Data(try #require(jsonLine).utf8))
            #expect(session["output"] == .string("json"))
            #expect(session["target"] == .string("sandbox"))
        }
    }
}
