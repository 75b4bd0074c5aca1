/// The streams and terminal commands talk to.
struct Console: Sendable {
    var output: @Sendable (String) -> Void
    var errorOutput: @Sendable (String) -> Void
    /// Standard input and output are a terminal: prompts, confirmations, progress lines.
    var isInteractive: Bool
    /// Asks the person at the terminal; nil when there is none.
    var prompter: (any Prompter)?

    /// Rewrites the progress line on a terminal (status and elapsed time); nothing otherwise.
    func progress(_ text: String) {
        guard isInteractive else { return }
        errorOutput("\r\u{1B}[2K" + text)
    }

    /// Clears the progress line.
    func endProgress() {
        guard isInteractive else { return }
        errorOutput("\r\u{1B}[2K")
    }
}

/// Questions for the person at the terminal.
protocol Prompter: Sendable {
    /// Reads a line without echo; nil when interrupted or at end of input.
    func readSecret(prompt: String) async -> String?
    /// Asks a yes/no question, printed as given (ending in `[y/N] `); only an explicit yes is true.
    func confirm(_ question: String) async -> Bool
}
