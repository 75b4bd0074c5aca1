/// The streams and terminal commands talk to.
struct Console: Sendable {
    var output: @Sendable (String) -> Void
    var errorOutput: @Sendable (String) -> Void
    /// The shell reads its commands from a terminal: someone is there to answer prompts and confirmations.
    /// Scripts (`-f`, `-c`, piped input) never ask.
    var isInteractive: Bool
    /// Asks the person at the terminal; nil when there is none.
    var prompter: (any Prompter)?
    /// Standard error is a terminal, where a live progress line can be redrawn in place.
    var showsProgress = true

    /// Rewrites the progress line on a terminal (status and elapsed time); nothing otherwise.
    func progress(_ text: String) {
        guard isInteractive, showsProgress else { return }
        errorOutput("\r\u{1B}[2K" + text)
    }

    /// Clears the progress line.
    func endProgress() {
        guard isInteractive, showsProgress else { return }
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
