import Foundation
import TestSupport
import Testing

@Suite(.enabled(if: PseudoTerminal.isAvailable)) struct PseudoTerminalTests {
    @Test func catEchoesAndEndsOnControlD() throws {
        let terminal = try PseudoTerminal("/bin/cat")
        terminal.send("hello\r")
        try terminal.waitFor("hello\r\nhello")
        terminal.send("\u{04}")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func shellSeesATerminalOfTheGivenSize() throws {
        let terminal = try PseudoTerminal("/bin/sh", environment: ["PS1": "$ ", "PATH": "/usr/bin:/bin"])
        terminal.send("stty size; test -t 0 && echo is-a-tty\r")
        try terminal.waitFor("40 120")
        try terminal.waitFor("is-a-tty")
        terminal.send("exit 3\r")
        #expect(try terminal.waitForExit() == 3)
    }

    @Test func controlCInterruptsTheForegroundProgram() throws {
        let terminal = try PseudoTerminal("/bin/cat")
        terminal.send("\u{03}")
        #expect(try terminal.waitForExit() == 128 + SIGINT)
    }

    @Test func waitForTimesOutWithTheOutput() throws {
        let terminal = try PseudoTerminal("/bin/cat")
        terminal.send("abc")
        #expect(throws: PseudoTerminal.Timeout.self) { try terminal.waitFor("never", timeout: .milliseconds(200)) }
    }

    @Test func stripsEscapeSequences() {
        #expect(PseudoTerminal.stripEscapes("\u{1B}[1;32mok\u{1B}[0m \u{1B}]0;title\u{07}x\u{1B}=y") == "ok xy")
    }
}
