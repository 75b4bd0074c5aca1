/// The one loop behind the prompt, scripts (`-f`, piped input, `-c`) and `source`: reads lines, joins
/// continuation lines, splits commands, runs each, and reports failures where they were read.
struct ScriptRunner: Sendable {
    /// How a run ended.
    enum Outcome: Sendable, Equatable {
        /// Every command ran; `failures` of them failed (kept going: at the prompt or with on-error continue).
        case finished(failures: Int)
        /// Stopped at a failed command.
        case stopped
        case interrupted
        /// `exit`, with its status.
        case exited(Int32)
    }

    static let continuationPrompt = "...> "

    let session: Session
    var shell: ShellServices
    /// At the prompt: show prompts, keep going after failures and interruptions, no `FILE:LINE`.
    var interactive = false
    /// `--echo`: print each command (redacted) to standard error before running it.
    var echo = false
    /// Remembers an interactive line in the history; lines with a secret never reach it.
    var remember: (@Sendable (String) -> Void)?
    /// Runs one command; the program passes one that cancels it on Ctrl-C and throws `InterruptedError`.
    var guarded: @Sendable (@escaping @Sendable () async throws -> Void) async throws -> Void = { try await $0() }

    func run(_ reader: any LineReader, name: String) async -> Outcome {
        var lineNumber = 0
        var failures = 0
        while true {
            var text = ""
            var commands: [String] = []
            let firstLine = lineNumber + 1
            reading: while true {
                let prompt = text.isEmpty ? session.prompt : Self.continuationPrompt
                switch await reader.readLine(prompt: prompt) {
                case .endOfInput:
                    guard text.isEmpty else {
                        report(
                            UsageError("the command is not finished at the end of the input (a quote or \\ is open)"),
                            at: SourceLocation(name: name, line: firstLine))
                        return interactive ? .finished(failures: failures + 1) : .stopped
                    }
                    return .finished(failures: failures)
                case .interrupted:
                    guard interactive else { return .interrupted }
                    text = ""
                    continue reading
                case .line(let line):
                    lineNumber += 1
                    text = text.isEmpty ? line : text + "\n" + line
                }
                do {
                    commands = try Tokenizer().commandTexts(in: text)
                    break reading
                } catch .incomplete {
                    continue reading
                } catch {
                    commands = []
                    failures += 1
                    report(error, at: SourceLocation(name: name, line: firstLine))
                    guard goesOnAfterFailure else { return .stopped }
                    break reading
                }
            }
            if interactive, let remember, !text.hasPrefix(" "), !Self.holdsSecret(commands) {
                remember(text)
            }
            for command in commands {
                let location = interactive ? nil : SourceLocation(name: name, line: firstLine)
                switch await execute(command, at: location) {
                case .success: continue
                case .failure:
                    failures += 1
                    guard goesOnAfterFailure else { return .stopped }
                case .interrupted:
                    guard interactive else { return .interrupted }
                    session.console.errorOutput("interrupted\n")
                case .exit(let status):
                    return .exited(status)
                }
            }
        }
    }

    /// Whether any command holds a literal password; `${NAME}` references are not secrets themselves.
    private static func holdsSecret(_ commands: [String]) -> Bool {
        commands.contains { command in
            let words = (try? Tokenizer(variable: { _ in "" }).commands(in: command).first) ?? []
            return SecretWords.contain(words)
        }
    }

    private enum CommandOutcome { case success, failure, interrupted, exit(Int32) }

    /// At the prompt always; in a script with `set on-error continue` (or `--continue-on-error`).
    private var goesOnAfterFailure: Bool { interactive || session.current.onError == .continue }

    /// Expands, echoes, parses and runs one command; a failure is reported here, where it happened.
    private func execute(_ text: String, at location: SourceLocation?) async -> CommandOutcome {
        do {
            // Variables expand now, so that an earlier command of the line may have set them.
            let words =
                try Tokenizer(variable: { [session] in session.variable($0) }).commands(in: text).first ?? []
            if echo {
                session.console.errorOutput(
                    "+ " + SecretWords.redacted(words).map(ShellQuoting.quote).joined(separator: " ") + "\n")
            }
            let command = try CommandTable.parse(words)
            let context = CommandContext(session: session, location: location, shell: shell)
            try await guarded { try await command.run(in: context) }
            return .success
        } catch let request as ExitRequest {
            return .exit(request.status)
        } catch is AlreadyReported {
            return .failure
        } catch is InterruptedError {
            session.console.endProgress()
            return .interrupted
        } catch {
            session.console.endProgress()
            report(error, at: location)
            return .failure
        }
    }

    private func report(_ error: any Error, at location: SourceLocation?) {
        let language = session.current.language
        let shown = interactive ? nil : location
        session.console.errorOutput(ErrorReport(error, language: language).formatted(at: shown, language: language))
    }
}
