import Synchronization

/// Lines of a text already in memory: `-c` commands and command files.
final class TextLineReader: LineReader {
    private let lines: Mutex<ArraySlice<String>>

    init(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        // A final newline ends the last line; it does not start an empty one.
        if text.hasSuffix("\n") { lines.removeLast() }
        self.lines = Mutex(lines[...])
    }

    func readLine(prompt: String) async -> LineInput {
        lines.withLock { lines in
            guard let line = lines.popFirst() else { return .endOfInput }
            return .line(line)
        }
    }
}
