public import AliyunCore
import ECS
import Foundation

/// The `ecsh` program: parses the command line, finds credentials, builds the session and runs the
/// commands: `-c`, `-f FILE`, piped standard input, or the interactive shell. Everything from the process
/// (arguments, environment, home, standard streams, terminal, the network) comes in through its
/// properties, so the whole program runs in tests.
public struct CommandLineTool: Sendable {
    public static let version = "0.1.0"
    /// How errors name standard input: `<stdin>:3: error: …`.
    static let standardInputName = "<stdin>"

    public var environment: [String: String]
    public var homeDirectory: String
    /// Writes to standard output; each call is one complete piece of text.
    public var output: @Sendable (String) -> Void
    /// Writes to standard error.
    public var errorOutput: @Sendable (String) -> Void
    /// The HTTP transport for API calls and instance metadata.
    public var transport: any HTTPTransport
    /// Standard input is a terminal: the interactive shell, confirmations, password prompts.
    public var inputIsTerminal = false
    /// Standard output is a terminal: tables by default instead of JSON lines.
    public var outputIsTerminal = false
    /// Standard error is a terminal: live progress lines.
    public var errorIsTerminal = false
    /// Standard input as lines; the program reads file descriptor 0.
    var standardInput: (any LineReader)?
    /// Asks the person at the terminal (passwords, confirmations).
    var prompter: (any Prompter)?
    /// Runs one command so that Ctrl-C cancels it; the program passes the process's interrupt handling.
    var guarded: @Sendable (@escaping @Sendable () async throws -> Void) async throws -> Void = { try await $0() }
    /// The real program: Ctrl-C is handled by ecsh (cancels a call, clears the line), and the terminal is
    /// asked for passwords and confirmations.
    public var handlesProcessSignals = false

    public init(
        environment: [String: String], homeDirectory: String, output: @escaping @Sendable (String) -> Void,
        errorOutput: @escaping @Sendable (String) -> Void, transport: any HTTPTransport
    ) {
        self.environment = environment
        self.homeDirectory = homeDirectory
        self.output = output
        self.errorOutput = errorOutput
        self.transport = transport
    }

    /// Runs `arguments` (without the program name) and returns the exit status: 0 all commands succeeded,
    /// 1 a command failed, 2 the command line, a file or the configuration is wrong, 130 interrupted.
    public func run(_ arguments: [String]) async -> Int32 {
        if arguments.first == "serve" {
            return await serve(Array(arguments.dropFirst()))
        }
        let options: CommandLineOptions
        do {
            options = try CommandLineOptions.parse(arguments)
        } catch {
            return usageFailure(error.message)
        }
        if options.showHelp {
            output(CommandLineOptions.usage + "\n")
            return ExitStatus.success
        }
        if options.showVersion {
            output("ecsh \(Self.version)\n")
            return ExitStatus.success
        }
        // What to run is settled before connecting, so a missing file is reported as such.
        let script: (reader: any LineReader, name: String)?
        do {
            script = try self.script(options)
        } catch {
            errorOutput("ecsh: \(error)\n")
            return ExitStatus.usage
        }
        var tool = self
        if handlesProcessSignals {
            InterruptSource.shared.install()
            tool.guarded = { operation in try await InterruptSource.shared.run(operation) }
            if inputIsTerminal, tool.prompter == nil {
                // With standard output redirected, questions go to standard error, which is still seen.
                tool.prompter = TerminalPrompter(outputFD: outputIsTerminal ? STDOUT_FILENO : STDERR_FILENO)
            }
        }
        return await tool.runCommands(options: options, script: script)
    }

    private func runCommands(options: CommandLineOptions, script: (reader: any LineReader, name: String)?) async
        -> Int32
    {
        let session: Session
        do {
            session = try makeSession(options, interactive: script == nil)
        } catch let error as UsageError {
            return usageFailure(error.message)
        } catch {
            errorOutput("ecsh: \(error)\n")
            return ExitStatus.usage
        }
        var runner = ScriptRunner(
            session: session,
            shell: services(session: session, scriptIsStandardInput: script?.name == Self.standardInputName),
            echo: options.echo)
        runner.guarded = guarded
        guard let script else {
            return await InteractiveShell(
                runner: runner, options: options, environment: environment, homeDirectory: homeDirectory
            ).run()
        }
        if handlesProcessSignals {
            // Between commands (or waiting for a piped line) nothing is half done: Ctrl-C ends the script.
            _ = InterruptSource.shared.addListener { exit(ExitStatus.interrupted) }
        }
        return Self.exitStatus(of: await runner.run(script.reader, name: script.name), interactive: false)
    }

    /// The commands to run without a prompt, or nil for the interactive shell.
    private func script(_ options: CommandLineOptions) throws(UsageError) -> (reader: any LineReader, name: String)? {
        if let commands = options.commands {
            return (TextLineReader(commands), "-c")
        }
        if let path = options.scriptPath, path != "-" {
            return (TextLineReader(try CommandFile.read(path)), path)
        }
        if options.scriptPath == "-" || !inputIsTerminal {
            return (standardInput ?? PlainLineReader(fileDescriptor: 0), Self.standardInputName)
        }
        return nil
    }

    private func services(session: Session, scriptIsStandardInput: Bool) -> ShellServices {
        // Data for `set password --stdin`: only piped input that is not the commands themselves. A terminal
        // is asked through the prompter instead, so no reader (and no thread) is made for it.
        let dataInput =
            scriptIsStandardInput || inputIsTerminal ? nil : (standardInput ?? PlainLineReader(fileDescriptor: 0))
        return ShellServices(
            runFile: { path, context in
                let text: String
                do {
                    text = try CommandFile.read(path, home: context.session.connector.homeDirectory)
                } catch {
                    throw UsageError("source: \(error)")
                }
                // The file's commands run here, under the `source` command's own interrupt handling.
                let nested = ScriptRunner(session: context.session, shell: context.shell, echo: false)
                switch await nested.run(TextLineReader(text), name: path) {
                case .finished(let failures) where failures == 0: return
                case .finished, .stopped: throw AlreadyReported()
                case .interrupted: throw InterruptedError()
                case .exited(let status): throw ExitRequest(status: status)
                }
            },
            standardInput: dataInput)
    }

    static func exitStatus(of outcome: ScriptRunner.Outcome, interactive: Bool) -> Int32 {
        switch outcome {
        case .finished(let failures): return failures == 0 || interactive ? ExitStatus.success : ExitStatus.failure
        case .stopped: return ExitStatus.failure
        case .interrupted: return ExitStatus.interrupted
        case .exited(let status): return status
        }
    }

    private func makeSession(_ options: CommandLineOptions, interactive: Bool) throws -> Session {
        let flags = options.accessKeyId.map {
            Credential(
                accessKeyId: $0, accessKeySecret: options.accessKeySecret ?? "", securityToken: options.securityToken)
        }
        let debugLog = options.debug ? DebugLog(write: { [errorOutput] in errorOutput($0 + "\n") }) : nil
        let connector = Connector(
            environment: environment, homeDirectory: homeDirectory, transport: transport, flagCredential: flags,
            signatureVersion: options.signatureVersion, allowInsecurePassword: options.allowInsecurePassword,
            worldPath: options.worldPath, debugLog: debugLog)
        let resolved = options.sandbox ? nil : try connector.resolver(profile: options.profile).resolve()
        for warning in resolved?.warnings ?? [] {
            errorOutput("ecsh: warning: \(warning)\n")
        }
        let region = options.region ?? resolved?.defaultRegion ?? Session.defaultRegion
        // `--region` is checked as it is parsed; the environment's and the profile's are checked here, before
        // they become a host name.
        guard CommandLineOptions.isRegionId(region) else {
            throw UsageError(
                "the region \"\(region)\" (ALIBABA_CLOUD_REGION_ID or the profile's region_id) is not a region id; "
                    + "they look like cn-hangzhou (pass --region to choose one)")
        }
        let endpoint = try options.endpoint.map { text throws(EndpointError) in try Endpoint(parsing: text) }
        let target: Target
        if resolved == nil {
            guard endpoint == nil else {
                throw UsageError(
                    "no credentials found for --endpoint: pass --access-key-id and --access-key-secret, set "
                        + "ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, "
                        + "or add a profile to \(AliyunConfigFile.displayPath)")
            }
            // The interactive banner says so; scripts hear it on standard error.
            if !options.sandbox, !options.quiet, !interactive {
                errorOutput("ecsh: no credentials found; using the sandbox, an emulated ECS inside ecsh\n")
            }
            target = .sandbox
        } else {
            target = .remote(endpoint: endpoint, profile: options.profile)
        }
        let connection = try connector.connect(target, region: region)
        let format = options.output.flatMap(OutputFormat.init(rawValue:)) ?? (outputIsTerminal ? .table : .json)
        let console = Console(
            output: output, errorOutput: errorOutput, isInteractive: interactive,
            prompter: interactive ? prompter : nil, showsProgress: errorIsTerminal)
        var state = SessionState(connection: connection, output: format, language: Language(environment: environment))
        state.onError = options.continueOnError ? .continue : .stop
        state.assumeYes = options.assumeYes
        return Session(console: console, connector: connector, state: state)
    }

    private func serve(_ arguments: [String]) async -> Int32 {
        do {
            let command = try ServeCommand(arguments: arguments)
            if command.showHelp {
                output(ServeCommand.usage + "\n")
                return ExitStatus.success
            }
            try await command.run(output: output)
            return ExitStatus.success
        } catch let error as UsageError {
            return usageFailure(error.message)
        } catch {
            errorOutput("ecsh: \(error)\n")
            return ExitStatus.usage
        }
    }

    private func usageFailure(_ message: String) -> Int32 {
        errorOutput("ecsh: \(message)\nTry 'ecsh --help' for more information.\n")
        return ExitStatus.usage
    }
}

/// The exit statuses of `ecsh`.
public enum ExitStatus {
    public static let success: Int32 = 0
    /// A command failed.
    public static let failure: Int32 = 1
    /// The command line, a file or the configuration is wrong.
    public static let usage: Int32 = 2
    /// Interrupted by the user.
    public static let interrupted: Int32 = 130
}
