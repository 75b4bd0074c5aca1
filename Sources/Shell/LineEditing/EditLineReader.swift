import CEditLine
import Foundation
import Synchronization

/// Reads lines on a terminal with libedit: emacs keys, history, Tab completion, ~/.editrc (`ecsh:` lines).
/// `el_gets` blocks, so all libedit calls run on one thread of the reader's own; its callbacks find the
/// reader through `EL_CLIENTDATA`. Ctrl-C reaches the editor as a wake-up from `InterruptSource`, which the
/// reader's input function turns into a ^C key bound to `ecsh-interrupt`.
final class EditLineReader: LineReader, @unchecked Sendable {  // mutable state is confined to `worker`
    /// The history the editor browses; the caller adds lines and saves.
    let history: HistoryFile?
    private let completer: (any LineCompleter)?
    private let interrupts: InterruptSource
    private let inputFD: Int32
    private let outputFD: Int32
    private let output: UnsafeMutablePointer<FILE>
    private let worker = BlockingWorker(name: "ecsh-line-editor")
    private let wake = WakePipe()

    // Touched only on `worker`'s thread (el_gets and the callbacks it makes), or in init/deinit.
    private var editLine: OpaquePointer?
    private var prompt: UnsafeMutablePointer<CChar>? = strdup("")
    private var interrupted = false
    /// The line and cursor after the last Tab, to tell a second Tab in a row.
    private var afterLastCompletion: (line: [UInt8], cursor: Int)?

    private static let interruptKey: wchar_t = 3  // ^C

    /// An editor on the process's standard input and output.
    convenience init(
        programName: String = "ecsh", historyFile: HistoryFile?, completer: (any LineCompleter)?,
        interrupts: InterruptSource = .shared
    ) {
        self.init(
            programName: programName, input: ecsh_stdin(), output: ecsh_stdout(), error: ecsh_stderr(),
            inputFD: STDIN_FILENO, outputFD: STDOUT_FILENO, historyFile: historyFile, completer: completer,
            interrupts: interrupts)
    }

    /// An editor on any terminal (tests use a pseudo-terminal); `inputFD` and `outputFD` are the files'.
    init(
        programName: String, input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>,
        error: UnsafeMutablePointer<FILE>, inputFD: Int32, outputFD: Int32, historyFile: HistoryFile?,
        completer: (any LineCompleter)?, interrupts: InterruptSource
    ) {
        history = historyFile
        self.completer = completer
        self.interrupts = interrupts
        self.inputFD = inputFD
        self.outputFD = outputFD
        self.output = output
        Self.useUTF8Locale()
        guard let editLine = el_init(programName, input, output, error) else { return }
        self.editLine = editLine
        _ = ecsh_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = ecsh_el_set_editor(editLine, "emacs")
        _ = ecsh_el_set_prompt(editLine, Self.promptCallback)
        _ = ecsh_el_set_getc(editLine, Self.readCallback)
        if let historyFile { _ = ecsh_el_set_history(editLine, historyFile.handle) }
        _ = ecsh_el_add_function(
            editLine, "ecsh-complete", "complete the word before the cursor", Self.completeCallback)
        _ = ecsh_el_add_function(editLine, "ecsh-interrupt", "discard the line", Self.interruptCallback)
        _ = ecsh_el_bind(editLine, "^I", "ecsh-complete")
        _ = el_source(editLine, nil)
        // Bound after ~/.editrc: Ctrl-C must keep working whatever the user binds.
        _ = ecsh_el_bind(editLine, "^C", "ecsh-interrupt")
    }

    deinit {
        if let editLine { el_end(editLine) }
        free(prompt)
    }

    /// Ends editing and restores the terminal; reads after this return `.endOfInput`.
    func close() {
        worker.runAndWait { [self] in
            if let editLine { el_end(editLine) }
            editLine = nil
        }
    }

    /// Runs an editrc-style command (`bind`, `setty`, …) as if it came from ~/.editrc.
    @discardableResult
    func parse(_ words: [String]) -> Bool {
        let status = Mutex<Int32>(-1)
        worker.runAndWait { [self] in
            guard let editLine else { return }
            var arguments = words.map { UnsafePointer(strdup($0)) }
            defer { arguments.forEach { free(UnsafeMutablePointer(mutating: $0)) } }
            let result = el_parse(editLine, Int32(arguments.count), &arguments)
            status.withLock { $0 = result }
        }
        return status.withLock { $0 } == 0
    }

    func readLine(prompt: String) async -> LineInput {
        await worker.run { [self] in readBlocking(prompt: prompt) }
    }

    private func readBlocking(prompt newPrompt: String) -> LineInput {
        guard let editLine else { return .endOfInput }
        free(prompt)
        prompt = strdup(newPrompt)
        interrupted = false
        afterLastCompletion = nil
        wake.drain()
        let listener = interrupts.addListener { [wake] in wake.wake() }
        defer { interrupts.removeListener(listener) }
        var count: Int32 = 0
        // Copied at once: libedit reuses the buffer on the next call.
        let text = el_gets(editLine, &count).map { String(cString: $0) }
        if interrupted {
            write(to: "\n")
            return .interrupted
        }
        guard var line = text, count > 0 else {
            write(to: "\n")
            return .endOfInput
        }
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    // MARK: - Callbacks (on the worker's thread, inside el_gets)

    private static func reader(of editLine: OpaquePointer?) -> EditLineReader? {
        guard let editLine, let data = ecsh_el_get_clientdata(editLine) else { return nil }
        return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
    }

    private static let promptCallback: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = {
        reader(of: $0)?.prompt
    }

    private static let readCallback: el_rfunc_t = { editLine, character in
        guard let reader = reader(of: editLine), let character else { return -1 }
        return reader.readCharacter(into: character)
    }

    private static let completeCallback: ecsh_el_func_t = { editLine, _ in
        guard let editLine, let reader = reader(of: editLine) else { return UInt8(CC_ERROR) }
        return reader.completeAtCursor(editLine)
    }

    private static let interruptCallback: ecsh_el_func_t = { editLine, _ in
        reader(of: editLine)?.interrupted = true
        return UInt8(CC_NEWLINE)
    }

    /// libedit's input function: one character, decoded from UTF-8, or ^C when `InterruptSource` wakes us.
    /// Returns 1 for a character, 0 at the end of input, -1 on error.
    private func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        var bytes: [UInt8] = []
        while true {
            guard wake.waitForInput(on: inputFD) else {
                interrupted = true
                character.pointee = Self.interruptKey
                return 1
            }
            var byte: UInt8 = 0
            let count = read(inputFD, &byte, 1)
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if count < 0 { return -1 }
            if count == 0 { return 0 }
            bytes.append(byte)
            if let scalar = Self.decode(bytes) {
                character.pointee = wchar_t(bitPattern: scalar.value)
                return 1
            }
        }
    }

    /// The scalar `bytes` encode, U+FFFD if they cannot start one, nil while more bytes are needed.
    private static func decode(_ bytes: [UInt8]) -> Unicode.Scalar? {
        let expected: Int
        switch bytes[0] {
        case 0..<0x80: expected = 1
        case 0xC2...0xDF: expected = 2
        case 0xE0...0xEF: expected = 3
        case 0xF0...0xF4: expected = 4
        default: return "\u{FFFD}"
        }
        if bytes.count > 1 && bytes.last! & 0xC0 != 0x80 { return "\u{FFFD}" }
        guard bytes.count == expected else { return nil }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }

    private func completeAtCursor(_ editLine: OpaquePointer) -> UInt8 {
        guard let completer, let (line, cursor) = Self.lineState(editLine) else { return UInt8(CC_ERROR) }
        let repeated = afterLastCompletion.map { $0.line == line && $0.cursor == cursor } ?? false
        let before = String(decoding: line[..<cursor], as: UTF8.self)
        let step = CompletionStep.decide(completer.complete(lineBeforeCursor: before), repeated: repeated)
        let status: Int32
        switch step {
        case .insert(let text):
            status = el_insertstr(editLine, text) == 0 ? CC_REFRESH : CC_ERROR
        case .list(let candidates):
            let width = ecsh_terminal_columns(outputFD)
            let lines = ColumnLayout.lines(for: candidates, width: width > 0 ? Int(width) : 80)
            // The terminal is in libedit's raw mode: say \r\n.
            write(to: "\r\n" + lines.joined(separator: "\r\n") + "\r\n")
            status = CC_REDISPLAY
        case .beep:
            status = CC_ERROR
        case .nothing:
            status = CC_NORM
        }
        afterLastCompletion = Self.lineState(editLine).map { (line: $0.0, cursor: $0.1) }
        return UInt8(status)
    }

    /// The line's UTF-8 bytes and the cursor's byte offset in them.
    private static func lineState(_ editLine: OpaquePointer) -> ([UInt8], Int)? {
        guard let info = el_line(editLine)?.pointee, let buffer = info.buffer else { return nil }
        let cursor = info.cursor.map { buffer.distance(to: $0) } ?? 0
        let end = info.lastchar.map { buffer.distance(to: $0) } ?? cursor
        let bytes = UnsafeRawBufferPointer(start: buffer, count: max(end, cursor))
        return (Array(bytes), cursor)
    }

    private func write(to text: String) {
        fputs(text, output)
        fflush(output)
    }

    /// libedit edits non-ASCII text only in a UTF-8 locale; fall back to C.UTF-8 when the user's is not one.
    private static func useUTF8Locale() {
        setlocale(LC_CTYPE, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
