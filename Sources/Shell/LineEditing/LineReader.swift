/// Where the shell's command lines come from: a terminal with an editor, a pipe or a script file.
protocol LineReader: AnyObject, Sendable {
    /// Reads one physical line (without its newline). `prompt` is shown only by terminal readers.
    func readLine(prompt: String) async -> LineInput
}
