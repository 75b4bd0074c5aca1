/// Every command of the shell language, and how a line's words become one.
enum CommandTable {
    /// The commands by what they are for, in the order `help` lists them.
    static let groups: [(title: String, commands: [any ShellCommand.Type])] = [
        ("context", [UseCommand.self, ShowCommand.self]),
        ("settings", [SetCommand.self, UnsetCommand.self]),
        (
            "resources",
            [
                DisksCommand.self, DiskCommand.self, InstancesCommand.self, InstanceCommand.self,
                KeyPairsCommand.self, RegionsCommand.self,
            ]
        ),
        ("actions", [ReinitCommand.self, StopCommand.self, StartCommand.self, WaitCommand.self, CallCommand.self]),
        (
            "shell",
            [
                HelpCommand.self, HistoryCommand.self, SourceCommand.self, EchoCommand.self, RefreshCommand.self,
                ExitCommand.self,
            ]
        ),
    ]

    static let commands: [any ShellCommand.Type] = groups.flatMap(\.commands)

    static var specs: [CommandSpec] { commands.map { $0.spec } }

    /// All names and aliases, for completion and suggestions.
    static var names: [String] { specs.flatMap(\.names) }

    static func command(named name: String) -> (any ShellCommand.Type)? {
        commands.first { $0.spec.names.contains(name) }
    }

    /// The command a line's words make; an unknown name suggests the nearest one.
    static func parse(_ words: [String]) throws(UsageError) -> any ShellCommand {
        guard let name = words.first else { throw UsageError("empty command") }
        guard let type = command(named: name) else {
            if let suggestion = EditDistance.suggestion(for: name, among: names) {
                throw UsageError("unknown command \"\(name)\" (did you mean `\(suggestion)`?); `help` lists them")
            }
            throw UsageError("unknown command \"\(name)\"; `help` lists the commands")
        }
        return try type.init(arguments: Array(words.dropFirst()))
    }
}
