import ECS
import Foundation

/// Where `set password` takes the password from. Whatever the source, the value is checked against
/// ReInitDisk's rule before it is kept, and never appears in a message.
enum PasswordSource: Sendable {
    /// Asked twice without echo at the terminal.
    case prompt
    case environment(String)
    case file(String)
    case standardInput
    /// Typed on the command line: works, with a warning.
    case literal(Password)

    init(arguments: [String]) throws(UsageError) {
        let spec = SetCommand.spec.subcommand(named: "password")!
        let parsed = try CommandArguments(arguments, spec: spec)
        let sources = ["--from-env", "--from-file", "--stdin"].filter(parsed.has)
        guard sources.count + (parsed.positionals.isEmpty ? 0 : 1) <= 1 else {
            throw UsageError("set password: give one source (--from-env VAR, --from-file PATH, --stdin or a value)")
        }
        if let variable = parsed.value("--from-env") {
            self = .environment(variable)
        } else if let path = parsed.value("--from-file") {
            self = .file(path)
        } else if parsed.has("--stdin") {
            self = .standardInput
        } else if parsed.positionals.count == 1 {
            self = .literal(Password(parsed.positionals[0]))
        } else if parsed.positionals.isEmpty {
            self = .prompt
        } else {
            throw UsageError("set password: a password with spaces must be quoted; better, run `set password` alone")
        }
    }

    func read(in context: CommandContext) async throws -> Password {
        let value: String
        switch self {
        case .prompt:
            guard context.console.isInteractive, let prompter = context.console.prompter else {
                throw UsageError(
                    "set password: no terminal to ask on; in a script use --from-env VAR, --from-file PATH or --stdin")
            }
            guard let first = await prompter.readSecret(prompt: "New password: ") else { throw InterruptedError() }
            try Self.check(first)
            guard let second = await prompter.readSecret(prompt: "Repeat password: ") else {
                throw InterruptedError()
            }
            guard first == second else { throw UsageError("set password: the two passwords differ; nothing was set") }
            value = first
        case .environment(let name):
            guard let found = context.session.connector.environment[name], !found.isEmpty else {
                throw UsageError("set password --from-env: the environment variable \(name) is not set or empty")
            }
            value = found
        case .file(let path):
            value = try Self.firstLine(ofFile: path)
            if let mode = Self.permissions(ofFile: path), mode & 0o077 != 0 {
                context.warn(
                    "\(path) can be read by others (mode \(String(mode, radix: 8))); `chmod 600 \(path)` keeps the password yours"
                )
            }
        case .standardInput:
            // At the prompt, standard input is the person at the terminal: ask them, without echo.
            if context.console.isInteractive { return try await Self.prompt.read(in: context) }
            guard let input = context.shell.standardInput else {
                throw UsageError(
                    "set password --stdin: standard input holds the commands; use --from-env VAR or --from-file PATH")
            }
            guard case .line(let line) = await input.readLine(prompt: "") else {
                throw UsageError("set password --stdin: standard input ended before a password line")
            }
            value = line
        case .literal(let password):
            context.warn(
                "a password typed on the command line may be seen by others on the screen; "
                    + "run `set password` alone to be asked without echo (this line is kept out of the history)")
            value = password.reveal()
        }
        try Self.check(value)
        return Password(value)
    }

    /// Checks ReInitDisk's rule; the error names the failing part, never the password.
    static func check(_ value: String) throws(UsageError) {
        if let problem = PasswordRule.problem(with: value) {
            throw UsageError(
                "set password: the password is not accepted: \(problem.description(language: .en)); nothing was set")
        }
    }

    private static func permissions(ofFile path: String) -> Int? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: (path as NSString).expandingTildeInPath)
        return (attributes?[.posixPermissions] as? NSNumber)?.intValue
    }

    private static func firstLine(ofFile path: String) throws -> String {
        let expanded = (path as NSString).expandingTildeInPath
        guard let data = FileManager.default.contents(atPath: expanded) else {
            throw UsageError("set password --from-file: cannot read \(path)")
        }
        let text = String(decoding: data, as: UTF8.self)
        let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let value = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        guard !value.isEmpty else { throw UsageError("set password --from-file: the first line of \(path) is empty") }
        return value
    }
}
