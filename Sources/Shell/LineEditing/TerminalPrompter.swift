import Foundation
import Synchronization

/// Questions asked on the terminal outside the line editor: a secret read without echo (`set password`)
/// and a yes/no confirmation. Reads block on a thread of their own and end early on Ctrl-C: through the
/// interrupt source when no command runs, or through the cancellation of the asking command's task.
final class TerminalPrompter: Prompter {
    /// Set when the asking task is cancelled, before the wake-up, so a read that has not begun sees it.
    private final class CancelFlag: Sendable {
        private let value = Atomic(false)
        var isSet: Bool { value.load(ordering: .acquiring) }
        func set() { value.store(true, ordering: .releasing) }
    }

    private let interrupts: InterruptSource
    private let inputFD: Int32
    private let outputFD: Int32
    private let worker = BlockingWorker(name: "ecsh-prompter")
    private let wake = WakePipe()

    init(interrupts: InterruptSource = .shared, inputFD: Int32 = STDIN_FILENO, outputFD: Int32 = STDOUT_FILENO) {
        self.interrupts = interrupts
        self.inputFD = inputFD
        self.outputFD = outputFD
    }

    /// Reads one line with echo off; nil on Ctrl-C or at the end of input.
    func readSecret(prompt: String) async -> String? {
        await ask(prompt: prompt, echo: false)
    }

    /// Asks `question` as given (it ends with its own `[y/N] `); true only for y or yes (any case). Ctrl-C and
    /// end of input say no.
    func confirm(_ question: String) async -> Bool {
        let answer = await ask(prompt: question, echo: true)
        guard let answer else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Reads one line on the worker's thread. A Ctrl-C while a command runs cancels the command's task
    /// instead of calling the listeners, so the cancellation must end the read too: otherwise the read
    /// would go on and take the next line typed (without echo, for a secret) as its answer.
    private func ask(prompt: String, echo: Bool) async -> String? {
        let cancelled = CancelFlag()
        return await withTaskCancellationHandler {
            await worker.run { [self] in readLine(prompt: prompt, echo: echo, cancelled: cancelled) }
        } onCancel: { [wake] in
            cancelled.set()
            wake.wake()
        }
    }

    private func readLine(prompt: String, echo: Bool, cancelled: CancelFlag) -> String? {
        write(prompt)
        var saved = termios()
        let isTerminal = tcgetattr(inputFD, &saved) == 0
        if isTerminal && !echo {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO | ECHOE | ECHOK | ECHONL)
            tcsetattr(inputFD, TCSAFLUSH, &quiet)
        }
        // Restored on every path, Ctrl-C included.
        defer {
            if isTerminal && !echo {
                tcsetattr(inputFD, TCSAFLUSH, &saved)
                write("\n")  // the Return typed was not echoed
            }
        }
        wake.drain()
        let listener = interrupts.addListener { [wake] in wake.wake() }
        defer { interrupts.removeListener(listener) }
        // A cancellation that came before the drain left no wake-up: it is seen here instead.
        if cancelled.isSet {
            if echo { write("\n") }
            return nil
        }
        var bytes: [UInt8] = []
        while true {
            guard wake.waitForInput(on: inputFD) else {
                if echo { write("\n") }
                return nil
            }
            var byte: UInt8 = 0
            let count = read(inputFD, &byte, 1)  // one byte at a time: nothing meant for others is taken
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if count <= 0 { return bytes.isEmpty ? nil : Self.text(bytes) }
            if byte == UInt8(ascii: "\n") { return Self.text(bytes) }
            bytes.append(byte)
        }
    }

    private static func text(_ bytes: [UInt8]) -> String {
        var line = String(decoding: bytes, as: UTF8.self)
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Foundation.write(outputFD, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            bytes = bytes.dropFirst(count)
        }
    }
}
