import ECS

/// `set SETTING VALUE` and `set NAME VALUE`: the session's settings and variables.
struct SetCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "set",
        synopsis: "set SETTING VALUE | set password [--from-env VAR|--from-file PATH|--stdin] | set NAME VALUE",
        summary: "change a setting of the session, or set a variable",
        discussion: """
            set password                    asks twice without echo (on a terminal) and checks ReInitDisk's rule
            set password --from-env VAR     takes it from an environment variable (scripts)
            set password --from-file PATH   takes the first line of a file (scripts)
            set password --stdin            takes the next line of standard input (scripts)
            set keypair NAME                key pair for reinit (Linux instances)
            set autostart on|off            start the instance after reinit (AutoStartInstance)
            set security-enhancement active|deactive
            set output table|json|text      how results print
            set language en|zh              language of error hints
            set on-error stop|continue      whether a script stops at a failed command
            set NAME VALUE                  a variable, read back as ${NAME}

            The password stays in memory only: never in the history, a log, an error or `show session`.
            """,
        subcommands: [
            CommandSpec(
                name: "password", synopsis: "set password [--from-env VAR|--from-file PATH|--stdin]",
                summary: "set the password for reinit",
                flags: [
                    .value("--from-env", .variableNames, "read it from this environment variable"),
                    .value("--from-file", .files, "read the first line of this file"),
                    .option("--stdin", "read the next line of standard input"),
                ]),
            CommandSpec(name: "keypair", synopsis: "set keypair NAME", summary: "key pair", arguments: .keyPairNames),
            CommandSpec(
                name: "autostart", synopsis: "set autostart on|off", summary: "autostart",
                arguments: .words(["on", "off"])),
            CommandSpec(
                name: "security-enhancement", synopsis: "set security-enhancement active|deactive",
                summary: "security enhancement", arguments: .words(["active", "deactive"])),
            CommandSpec(
                name: "output", synopsis: "set output table|json|text", summary: "output format",
                arguments: .words(OutputFormat.names)),
            CommandSpec(
                name: "language", synopsis: "set language en|zh", summary: "language",
                arguments: .words(Language.allCases.map(\.rawValue))),
            CommandSpec(
                name: "on-error", synopsis: "set on-error stop|continue", summary: "on error",
                arguments: .words(OnErrorMode.names)),
        ])

    enum Change: Sendable {
        case password(PasswordSource)
        case keyPair(String)
        case autostart(Bool)
        case securityEnhancement(SecurityEnhancementStrategy)
        case output(OutputFormat)
        case language(Language)
        case onError(OnErrorMode)
        case variable(String, String)
    }

    let change: Change

    init(arguments: [String]) throws(UsageError) {
        guard let setting = arguments.first else {
            throw UsageError("set: say what to set (usage: \(Self.spec.synopsis))")
        }
        let rest = Array(arguments.dropFirst())
        if setting == "password" {
            change = .password(try PasswordSource(arguments: rest))
            return
        }
        guard rest.count == 1, let value = rest.first else {
            throw UsageError("set \(setting): expected one value (usage: \(Self.usage(of: setting)))")
        }
        func choose<T>(_ options: [String: T]) throws(UsageError) -> T {
            guard let chosen = options[value] else {
                throw UsageError(
                    "set \(setting): \"\(value)\" is not accepted (accepted: \(options.keys.sorted().joined(separator: ", ")))"
                )
            }
            return chosen
        }
        switch setting {
        case "keypair": change = .keyPair(value)
        case "autostart": change = .autostart(try choose(["on": true, "off": false]))
        case "security-enhancement":
            change = .securityEnhancement(try choose(["active": .active, "deactive": .deactive]))
        case "output":
            change = .output(
                try choose(Dictionary(uniqueKeysWithValues: OutputFormat.allCases.map { ($0.rawValue, $0) })))
        case "language":
            change = .language(
                try choose(Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, $0) })))
        case "on-error":
            change = .onError(
                try choose(Dictionary(uniqueKeysWithValues: OnErrorMode.allCases.map { ($0.rawValue, $0) })))
        default:
            guard Self.isVariableName(setting) else {
                let suggestion = EditDistance.suggestion(for: setting, among: Self.spec.subcommands.map(\.name))
                let hint = suggestion.map { " (did you mean `set \($0)`?)" } ?? ""
                throw UsageError(
                    "set: \"\(setting)\" is neither a setting nor a variable name\(hint); variable names are letters, digits and _"
                )
            }
            change = .variable(setting, value)
        }
    }

    func run(in context: CommandContext) async throws {
        let session = context.session
        switch change {
        case .password(let source):
            let password = try await source.read(in: context)
            session.update { $0.password = password }
        case .keyPair(let name): session.update { $0.keyPair = name }
        case .autostart(let on): session.update { $0.autostart = on }
        case .securityEnhancement(let strategy): session.update { $0.securityEnhancement = strategy }
        case .output(let format): session.update { $0.output = format }
        case .language(let language): session.update { $0.language = language }
        case .onError(let mode): session.update { $0.onError = mode }
        case .variable(let name, let value):
            session.update { $0.variables[name] = value }
            if let setting = EditDistance.suggestion(for: name, among: Self.spec.subcommands.map(\.name)) {
                context.warn("\(name) was set as a variable; did you mean `set \(setting)`?")
            }
        }
    }

    /// How `show session` and help spell a strategy.
    static func name(of strategy: SecurityEnhancementStrategy) -> String {
        strategy == .active ? "active" : "deactive"
    }

    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }
    }

    private static func usage(of setting: String) -> String {
        spec.subcommand(named: setting)?.synopsis ?? "set NAME VALUE"
    }
}
