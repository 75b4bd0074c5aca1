/// `unset password | keypair | security-enhancement | NAME`.
struct UnsetCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "unset", synopsis: "unset password | keypair | security-enhancement | NAME",
        summary: "forget the password, the key pair, the security-enhancement default, or a variable",
        arguments: .variableNames,
        subcommands: [
            CommandSpec(name: "password", synopsis: "unset password", summary: "forget the password"),
            CommandSpec(name: "keypair", synopsis: "unset keypair", summary: "forget the key pair"),
            CommandSpec(
                name: "security-enhancement", synopsis: "unset security-enhancement",
                summary: "leave SecurityEnhancementStrategy to the API"),
        ])

    let name: String

    init(arguments: [String]) throws(UsageError) {
        guard arguments.count == 1, let name = arguments.first else {
            throw UsageError("unset: expected one name (usage: \(Self.spec.synopsis))")
        }
        guard Self.spec.subcommand(named: name) != nil || SetCommand.isVariableName(name) else {
            throw UsageError("unset: \"\(name)\" is neither a setting nor a variable name")
        }
        self.name = name
    }

    func run(in context: CommandContext) async throws {
        try context.session.update { state in
            switch name {
            case "password": state.password = nil
            case "keypair": state.keyPair = nil
            case "security-enhancement": state.securityEnhancement = nil
            default:
                guard state.variables.removeValue(forKey: name) != nil else {
                    throw UsageError("unset: no variable \(name)")
                }
            }
        }
    }
}
