public import AliyunCore

/// What the `ecsh` command line asks for. Parsing is pure: no environment, no files.
public struct CommandLineOptions: Sendable, Equatable {
    public var endpoint: String?
    public var region: String?
    public var profile: String?
    public var accessKeyId: String?
    public var accessKeySecret: String?
    public var securityToken: String?
    public var debug = false
    /// Commands given with `-c`, separated by `;` or newlines.
    public var commands: String?
    public var signatureVersion: SignatureVersion = .v3
    /// Allows a `Password` to travel over plain HTTP to a host that is not this machine.
    public var allowInsecurePassword = false
    /// Use the in-process emulator, whatever credentials exist.
    public var sandbox = false
    /// The sandbox's world file; the default is `share/ecsh/sandbox.json`.
    public var worldPath: String?
    public var showHelp = false
    public var showVersion = false
    /// `-f FILE`: a command file; `-` is standard input.
    public var scriptPath: String?
    /// `--output`: how results print; by default a table on a terminal, JSON lines otherwise.
    public var output: String?
    /// `--continue-on-error`: a script goes on after a failed command.
    public var continueOnError = false
    /// `--echo`: print each command (secrets masked) before running it.
    public var echo = false
    /// `--quiet`: no banner.
    public var quiet = false
    /// `--yes`: destructive commands do not ask for confirmation.
    public var assumeYes = false
    /// `--no-rc`: do not run ~/.ecshrc at an interactive start.
    public var noRC = false

    public init() {}

    static let valueOptions = [
        "--endpoint", "--region", "--profile", "--access-key-id", "--access-key-secret", "--sts-token", "-c",
        "--signature-version", "--world", "-f", "--file", "--output", "-o",
    ]
    static let flagOptions = [
        "--debug", "--allow-insecure-password", "--sandbox", "--help", "-h", "--version", "--continue-on-error",
        "--echo", "--quiet", "-q", "--yes", "-y", "--no-rc",
    ]

    /// Parses `arguments` (without the program name). Accepts `--name value` and `--name=value`.
    public static func parse(_ arguments: [String]) throws(UsageError) -> CommandLineOptions {
        var options = CommandLineOptions()
        let scanner = OptionScanner(kind: "option", valueOptions: valueOptions, flagOptions: flagOptions)
        try scanner.scan(arguments) { word throws(UsageError) in
            throw UsageError(
                "unexpected argument \"\(word)\" (commands go after -c, e.g. -c 'disks', or in a file run with -f FILE)"
            )
        } option: { name, value throws(UsageError) in
            guard let value else {
                switch name {
                case "--debug": options.debug = true
                case "--allow-insecure-password": options.allowInsecurePassword = true
                case "--sandbox": options.sandbox = true
                case "--version": options.showVersion = true
                case "--continue-on-error": options.continueOnError = true
                case "--echo": options.echo = true
                case "--quiet", "-q": options.quiet = true
                case "--yes", "-y": options.assumeYes = true
                case "--no-rc": options.noRC = true
                default: options.showHelp = true
                }
                return
            }
            try options.set(name, value)
        }
        if (options.accessKeyId == nil) != (options.accessKeySecret == nil) {
            throw UsageError("--access-key-id and --access-key-secret go together")
        }
        if options.sandbox, options.endpoint != nil {
            throw UsageError("--sandbox and --endpoint exclude each other (the sandbox runs inside ecsh)")
        }
        if options.scriptPath != nil, options.commands != nil {
            throw UsageError("-c and -f exclude each other (run the file's commands, or the -c ones)")
        }
        if options.securityToken != nil, options.accessKeyId == nil {
            throw UsageError("--sts-token needs --access-key-id and --access-key-secret")
        }
        return options
    }

    private mutating func set(_ name: String, _ value: String) throws(UsageError) {
        switch name {
        case "--endpoint": endpoint = value
        case "--region":
            guard Self.isRegionId(value) else {
                throw UsageError("invalid region \"\(value)\" (a region id looks like cn-hangzhou)")
            }
            region = value
        case "--profile": profile = value
        case "--world": worldPath = value
        case "-f", "--file":
            guard scriptPath == nil else { throw UsageError("-f is given twice (run one file; `source` runs others)") }
            scriptPath = value
        case "--output", "-o":
            guard ["table", "json", "text"].contains(value) else {
                throw UsageError("invalid output \"\(value)\" (accepted: table, json, text)")
            }
            output = value
        case "--access-key-id": accessKeyId = value
        case "--access-key-secret": accessKeySecret = value
        case "--sts-token": securityToken = value
        case "--signature-version":
            guard let version = SignatureVersion(rawValue: value.lowercased()) else {
                throw UsageError("invalid signature version \"\(value)\" (accepted: v1, v3)")
            }
            signatureVersion = version
        default: commands = commands.map { $0 + "\n" + value } ?? value
        }
    }

    /// A region id: lower-case letters, digits and dashes, starting with a letter.
    static func isRegionId(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter, first.isLowercase else { return false }
        return text.allSatisfy { ($0.isLetter && $0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" }
    }

    public static let usage = """
        usage: ecsh [options]                     interactive shell (commands from standard input when it is not a terminal)
               ecsh [options] -f FILE | -f -      run a command file
               ecsh [options] -c 'COMMAND; …'     run commands and exit
               ecsh serve [--port N] [--world FILE] [--faults SPEC]   the emulator as an HTTP server

        In the shell, `help` lists the commands: disks, reinit, set password, use region, …

        options:
          -f, --file FILE             run the commands of FILE (- for standard input); errors print as FILE:LINE
          -c COMMANDS                 run the commands and exit
          -o, --output table|json|text  how results print (default: table on a terminal, JSON lines otherwise)
          --continue-on-error         a script goes on after a failed command (default: stop, exit status 1)
          --echo                      print each command to standard error before running it (passwords masked)
          -y, --yes                   do not ask before destructive commands (scripts never ask)
          -q, --quiet                 no banner
          --no-rc                     do not run ~/.ecshrc at an interactive start
          --region ID                 region (default: ALIBABA_CLOUD_REGION_ID, the profile's, or cn-hangzhou)
          --endpoint URL              endpoint, e.g. https://ecs.cn-shanghai.aliyuncs.com or http://127.0.0.1:8080
          --profile NAME              profile of ~/.aliyun/config.json
          --access-key-id ID          access key (with --access-key-secret; --sts-token for STS keys)
          --access-key-secret SECRET
          --sts-token TOKEN
          --sandbox                   use the built-in ECS emulator (the default when no credentials are found)
          --world FILE                the sandbox's world file (default share/ecsh/sandbox.json)
          --signature-version v1|v3   how requests are signed (default v3, ACS3-HMAC-SHA256)
          --allow-insecure-password   allow a Password over plain HTTP to a host that is not this machine
          --debug                     log every HTTP attempt to standard error, secrets redacted
          -h, --help                  show this help
          --version                   show the version

        exit status: 0 all commands succeeded, 1 a command failed, 2 usage error or unreadable file, 130 interrupted
        """
}
