public import AliyunCore
import ECS
import Foundation

/// The `ecsh` program: parses the command line, finds credentials, builds the request core and runs the
/// commands. Everything from the process (arguments, environment, home, standard streams, the network)
/// comes in through `init`, so the whole program runs in tests.
public struct CommandLineTool: Sendable {
    public static let version = "0.1.0"

    public var environment: [String: String]
    public var homeDirectory: String
    /// Writes to standard output; each call is one complete piece of text.
    public var output: @Sendable (String) -> Void
    /// Writes to standard error.
    public var errorOutput: @Sendable (String) -> Void
    /// The HTTP transport for API calls and instance metadata.
    public var transport: any HTTPTransport

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
    /// 1 a command failed, 2 the command line or the configuration is wrong.
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
        guard let text = options.commands else {
            return usageFailure("no commands given (run them with -c, e.g. -c 'call DescribeRegions')")
        }
        let commands: [[String]]
        do {
            commands = try Tokenizer(variable: { environment[$0] }).commands(in: text)
        } catch {
            return usageFailure("-c: \(error)")
        }
        let session: Session
        do {
            session = try makeSession(options)
        } catch let error as UsageError {
            return usageFailure(error.message)
        } catch {
            errorOutput("ecsh: \(error)\n")
            return ExitStatus.usage
        }
        for words in commands {
            do {
                try await session.run(words)
            } catch {
                errorOutput("ecsh: \(error)\n")
                return ExitStatus.failure
            }
        }
        return ExitStatus.success
    }

    private func makeSession(_ options: CommandLineOptions) throws -> Session {
        let flags = options.accessKeyId.map {
            Credential(
                accessKeyId: $0, accessKeySecret: options.accessKeySecret ?? "", securityToken: options.securityToken)
        }
        let resolver = CredentialResolver(
            flags: flags, profileName: options.profile, environment: environment, homeDirectory: homeDirectory,
            transport: transport)
        let resolved = options.sandbox ? nil : try resolver.resolve()
        for warning in resolved?.warnings ?? [] {
            errorOutput("ecsh: warning: \(warning)\n")
        }
        let region = options.region ?? resolved?.defaultRegion ?? Session.defaultRegion
        let debugLog = options.debug ? DebugLog(write: { [errorOutput] in errorOutput($0 + "\n") }) : nil
        guard let resolved else {
            guard options.endpoint == nil else {
                throw UsageError(
                    "no credentials found for --endpoint: pass --access-key-id and --access-key-secret, set "
                        + "ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, "
                        + "or add a profile to \(AliyunConfigFile.displayPath)")
            }
            if !options.sandbox {
                errorOutput("ecsh: no credentials found; using the sandbox, an emulated ECS inside ecsh\n")
            }
            let sandbox = try Sandbox(worldPath: options.worldPath)
            let client = RPCClient(
                endpoint: Sandbox.endpoint, version: ECSAPI.version, credentials: sandbox.credentials,
                transport: sandbox.transport, signatureVersion: options.signatureVersion, debugLog: debugLog)
            return Session(client: client, region: region, output: output)
        }
        let endpoint = try options.endpoint.map { text throws(EndpointError) in try Endpoint(parsing: text) }
        let client = RPCClient(
            endpoint: endpoint ?? .ecs(region: region), version: ECSAPI.version, credentials: resolved.provider,
            transport: transport, signatureVersion: options.signatureVersion,
            allowInsecurePassword: options.allowInsecurePassword, debugLog: debugLog)
        return Session(client: client, region: region, output: output)
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
