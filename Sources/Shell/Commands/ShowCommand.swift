import AliyunCore

/// `show session`: every setting, the password only as set or unset.
struct ShowCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "show", synopsis: "show session", summary: "show the target, region and settings of this session",
        subcommands: [CommandSpec(name: "session", synopsis: "show session", summary: "show the session")])

    init(arguments: [String]) throws(UsageError) {
        guard arguments == ["session"] else {
            if let word = arguments.first, word != "session" {
                throw UsageError.unknown("show subcommand", word, candidates: ["session"])
            }
            throw UsageError("show: usage: \(Self.spec.synopsis)")
        }
    }

    func run(in context: CommandContext) async throws {
        let state = context.session.current
        let connection = state.connection
        var fields: [(String, String)] = [
            ("target", connection.name),
            ("endpoint", connection.endpoint.description),
            ("region", connection.region),
            ("credentials", connection.credentialSource),
            ("password", state.password == nil ? "unset" : "set"),
            ("keypair", state.keyPair ?? "unset"),
            ("autostart", state.autostart ? "on" : "off"),
            ("security-enhancement", state.securityEnhancement.map(SetCommand.name(of:)) ?? "unset (API default)"),
            ("output", state.output.rawValue),
            ("language", state.language.rawValue),
            ("on-error", state.onError.rawValue),
        ]
        var json: [String: JSONValue] = [:]
        for (key, value) in fields { json[key] = .string(value) }
        json["variables"] = .object(state.variables.mapValues { .string($0) })
        for name in state.variables.keys.sorted() {
            fields.append(("${\(name)}", state.variables[name] ?? ""))
        }
        context.emit(CommandResult(json: .object(json), table: .record(fields), isRecord: true))
    }
}
