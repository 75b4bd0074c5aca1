import Foundation
import TestSupport
import Testing

@testable import Shell

/// The prompter on the slave side of a pseudo-terminal opened by the test.
@Suite(.serialized, .enabled(if: PseudoTerminal.isAvailable)) struct TerminalPrompterTests {
    final class Harness {
        let terminal: PseudoTerminal
        let slave: Int32
        let interrupts = InterruptSource()
        let prompter: TerminalPrompter

        init() throws {
            terminal = try PseudoTerminal()
            slave = open(terminal.slavePath, O_RDWR | O_NOCTTY)
            prompter = TerminalPrompter(interrupts: interrupts, inputFD: slave, outputFD: slave)
        }

        deinit { close(slave) }

        var echoes: Bool {
            var modes = termios()
            tcgetattr(slave, &modes)
            return modes.c_lflag & tcflag_t(ECHO) != 0
        }
    }

    @Test func secretIsNotEchoedAndEchoComesBack() async throws {
        let harness = try Harness()
        let prompter = harness.prompter
        let task = Task { await prompter.readSecret(prompt: "Password: ") }
        try await harness.terminal.waitFor("Password: ")
        try await Task.sleep(for: .milliseconds(50))
        #expect(!harness.echoes)
        harness.terminal.send("s3cret!\r")
        #expect(await task.value == "s3cret!")
        #expect(!harness.terminal.output.contains("s3cret"))
        #expect(harness.echoes)
    }

    @Test func interruptGivesNilAndRestoresEcho() async throws {
        let harness = try Harness()
        let prompter = harness.prompter
        let task = Task { await prompter.readSecret(prompt: "Password: ") }
        try await harness.terminal.waitFor("Password: ")
        try await Task.sleep(for: .milliseconds(50))
        harness.terminal.send("abc")
        harness.interrupts.deliver()
        #expect(await task.value == nil)
        #expect(harness.echoes)
    }

    @Test(arguments: [("y\r", true), ("YES\r", true), ("n\r", false), ("\r", false), ("yess\r", false)])
    func confirms(answer: String, expected: Bool) async throws {
        let harness = try Harness()
        let prompter = harness.prompter
        let task = Task { await prompter.confirm("Re-initialise d-1? [y/N] ") }
        try await harness.terminal.waitFor("Re-initialise d-1? [y/N] ")
        harness.terminal.send(answer)
        #expect(await task.value == expected)
    }

    @Test func confirmIsNoOnInterrupt() async throws {
        let harness = try Harness()
        let prompter = harness.prompter
        let task = Task { await prompter.confirm("Go? [y/N] ") }
        try await harness.terminal.waitFor("Go? [y/N] ")
        harness.interrupts.deliver()
        #expect(await task.value == false)
    }
}
