/// What a running command can reach: the session, where it was read from, and the shell around it.
struct CommandContext: Sendable {
    let session: Session
    /// `FILE:LINE` of the command in a script; nil at the prompt.
    let location: SourceLocation?
    let shell: ShellServices

    var console: Console { session.console }

    /// Prints a result in the session's output format.
    func emit(_ result: CommandResult) {
        console.output(Renderer.render(result, as: session.current.output))
    }

    /// Prints text as it is, whatever the output format (help, echo, history).
    func print(_ text: String) {
        console.output(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// A warning on standard error, placed like an error.
    func warn(_ text: String) {
        let prefix = location.map { "\($0): " } ?? ""
        console.errorOutput("\(prefix)warning: \(text)\n")
    }
}

/// The parts of the shell a few commands need: `history`, `source`, `set password --stdin`.
struct ShellServices: Sendable {
    /// The history, oldest first; empty when there is none (scripts).
    var history: @Sendable () -> [String] = { [] }
    /// Runs a command file as `source` does; throws when a command in it failed.
    var runFile: @Sendable (_ path: String, _ context: CommandContext) async throws -> Void
    /// Standard input as data (for `--stdin`), or nil when the commands themselves come from it.
    var standardInput: (any LineReader)?
    /// How `wait`, `reinit --wait` and `stop --wait` tell time and pause between polls.
    var pacing = Pacing.realTime
}

/// `exit` and `quit`: leave the shell with a status.
struct ExitRequest: Error, Sendable {
    var status: Int32
}
