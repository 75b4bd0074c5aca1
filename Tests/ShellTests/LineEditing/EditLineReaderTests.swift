import Foundation
import Synchronization
import TestSupport
import Testing

@testable import Shell

/// libedit driven through a pseudo-terminal opened by the test itself: the editor reads the slave side, the
/// test types on the master side and reads the screen there.
@Suite(.serialized, .enabled(if: PseudoTerminal.isAvailable)) struct EditLineReaderTests {
    struct WordCompleter: LineCompleter {
        var words = ["reinit", "regions", "refresh", "disks"]

        func complete(lineBeforeCursor: String) -> CompletionResult {
            let word =
                lineBeforeCursor.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
            return CompletionResult(word: word, candidates: words.filter { $0.hasPrefix(word) })
        }
    }

    final class Harness {
        let terminal: PseudoTerminal
        let reader: EditLineReader
        let interrupts = InterruptSource()

        init(history: HistoryFile? = nil) throws {
            terminal = try PseudoTerminal()
            let slave = open(terminal.slavePath, O_RDWR | O_NOCTTY)
            let outputFD = dup(slave)
            reader = EditLineReader(
                programName: "ecsh", input: fdopen(slave, "r"), output: fdopen(outputFD, "w"),
                error: fdopen(dup(slave), "w"), inputFD: slave, outputFD: outputFD, historyFile: history,
                completer: WordCompleter(), interrupts: interrupts)
            // Not this process's controlling terminal: ^C must arrive as a key, not vanish as a signal.
            reader.parse(["setty", "-d", "-isig"])
        }

        /// Shows `prompt`, waits for it on the screen, types `keys`, and returns what the reader read.
        func read(_ keys: [String], prompt: String = "test> ") async throws -> LineInput {
            let reader = self.reader
            let done = Mutex(false)
            let task = Task {
                let input = await reader.readLine(prompt: prompt)
                done.withLock { $0 = true }
                return input
            }
            let shown = terminal.output.components(separatedBy: prompt).count
            try await terminal.waitUntil(prompt) { $0.components(separatedBy: prompt).count > shown }
            // Typed as a person would, a moment after the prompt: a key sent at the very instant libedit
            // switches the terminal's mode is sometimes not seen.
            try await Task.sleep(for: .milliseconds(50))
            for key in keys {
                terminal.send(key)
                try await Task.sleep(for: .milliseconds(30))
            }
            // A reader that never returns would hang the test run: wake it, and fail.
            let deadline = ContinuousClock.now + .seconds(5)
            while !done.withLock({ $0 }) && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            if !done.withLock({ $0 }) {
                Issue.record("no line after \(keys); screen: \(terminal.output.debugDescription)")
                interrupts.deliver()
            }
            return await task.value
        }
    }

    @Test func readsALine() async throws {
        let harness = try Harness()
        #expect(try await harness.read(["hello\r"]) == .line("hello"))
        #expect(try await harness.read(["two words \r"], prompt: "...> ") == .line("two words "))
        #expect(harness.terminal.output.contains("...> "))
    }

    @Test func controlCDiscardsTheLine() async throws {
        let harness = try Harness()
        #expect(try await harness.read(["ab", "\u{03}"]) == .interrupted)
        #expect(try await harness.read(["x\r"]) == .line("x"))
    }

    @Test func interruptSourceWakesTheReader() async throws {
        let harness = try Harness()
        let reader = harness.reader
        let task = Task { await reader.readLine(prompt: "test> ") }
        try await harness.terminal.waitFor("test> ")
        harness.terminal.send("abc")
        try await harness.terminal.waitFor("abc")
        harness.interrupts.deliver()
        #expect(await task.value == .interrupted)
        #expect(!harness.interrupts.pendingInterrupt)
        #expect(try await harness.read(["y\r"]) == .line("y"))
    }

    @Test func controlDOnAnEmptyLineEnds() async throws {
        let harness = try Harness()
        #expect(try await harness.read(["\u{04}"]) == .endOfInput)
    }

    @Test func tabCompletesAUniqueWord() async throws {
        let harness = try Harness()
        #expect(try await harness.read(["rei", "\t", "d-1\r"]) == .line("reinit d-1"))
    }

    @Test func secondTabListsTheCandidates() async throws {
        let harness = try Harness()
        #expect(try await harness.read(["re", "\t", "\t", "\r"]) == .line("re"))
        let output = try await harness.terminal.waitUntil("the list, then the line again") {
            $0.components(separatedBy: "reinit   regions  refresh").last?.contains("test> re") == true
        }
        #expect(output.contains("reinit   regions  refresh"))
    }

    @Test func nothingToCompleteLeavesTheLine() async throws {
        let harness = try Harness()
        #expect(try await harness.read(["zz", "\t", "\t", "\r"]) == .line("zz"))
    }

    @Test func editsUTF8Text() async throws {
        let harness = try Harness()
        #expect(try await harness.read(["é", "\u{7f}", "a\r"]) == .line("a"))
        #expect(try await harness.read(["héllo 中文\r"]) == .line("héllo 中文"))
    }

    @Test func browsesTheHistory() async throws {
        let history = HistoryFile(path: "/nonexistent-ecsh-dir/history")
        history.add("disks")
        let harness = try Harness(history: history)
        #expect(try await harness.read(["\u{10}", "\r"]) == .line("disks"))
    }
}
