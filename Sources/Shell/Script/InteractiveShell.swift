import Foundation

/// The shell at a terminal: banner, ~/.ecshrc, libedit with history and completion, the prompt loop,
/// and the history saved on the way out (Ctrl-D or `exit`).
struct InteractiveShell {
    var runner: ScriptRunner
    var options: CommandLineOptions
    var environment: [String: String]
    var homeDirectory: String

    var historyPath: String {
        if let path = environment["ECSH_HISTFILE"], !path.isEmpty { return path }
        return homeDirectory + "/.ecsh_history"
    }

    var rcPath: String { homeDirectory + "/.ecshrc" }

    func run() async -> Int32 {
        let session = runner.session
        let console = session.console
        let history = HistoryFile(path: historyPath)
        if let warning = history.load() {
            console.errorOutput("ecsh: warning: \(warning)\n")
        }
        if !options.quiet {
            console.output(banner(session))
        }
        if !options.noRC, FileManager.default.fileExists(atPath: rcPath) {
            if case .exited(let status) = await runRC() {
                return status
            }
        }
        let reader = EditLineReader(
            programName: "ecsh", historyFile: history, completer: CompletionEngine(session: session),
            interrupts: InterruptSource.shared)
        var loop = runner
        loop.interactive = true
        loop.remember = { history.add($0) }
        loop.shell.history = { history.entries() }
        let outcome = await loop.run(reader, name: "<stdin>")
        reader.close()
        do {
            try history.save()
        } catch {
            console.errorOutput("ecsh: warning: the history was not saved to \(historyPath): \(error)\n")
        }
        return CommandLineTool.exitStatus(of: outcome, interactive: true)
    }

    /// ~/.ecshrc: its errors are shown with FILE:LINE, and the shell starts anyway.
    private func runRC() async -> ScriptRunner.Outcome {
        do {
            return await runner.run(TextLineReader(try CommandFile.read(rcPath)), name: rcPath)
        } catch {
            runner.session.console.errorOutput("ecsh: warning: \(error)\n")
            return .finished(failures: 1)
        }
    }

    private func banner(_ session: Session) -> String {
        let connection = session.current.connection
        var text = "ecsh \(CommandLineTool.version): `help` lists the commands, Tab completes, Ctrl-D leaves.\n"
        if connection.isSandbox {
            text += "Using the sandbox, an emulated ECS inside ecsh: nothing here touches the cloud.\n"
        } else {
            text += "Using \(connection.name) (\(connection.credentialSource)) at \(connection.endpoint).\n"
        }
        return text
    }
}
