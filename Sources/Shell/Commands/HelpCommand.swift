/// `help [COMMAND]`: the commands, or one command's usage, flags and details.
struct HelpCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "help", synopsis: "help [COMMAND]", summary: "list the commands, or explain one",
        arguments: .commandNames)

    let topic: String?

    init(arguments: [String]) throws(UsageError) {
        guard arguments.count <= 1 else { throw UsageError("help: expected at most one command name") }
        if let topic = arguments.first, CommandTable.command(named: topic) == nil {
            throw UsageError.unknown("command", topic, candidates: CommandTable.names)
        }
        topic = arguments.first
    }

    func run(in context: CommandContext) async throws {
        guard let topic, let command = CommandTable.command(named: topic) else {
            context.print(Self.overview)
            return
        }
        context.print(Self.text(for: command.spec))
    }

    static var overview: String {
        let width = CommandTable.specs.map(\.name.count).max() ?? 0
        let sections = CommandTable.groups.map { group in
            "\(group.title):\n"
                + group.commands.map { command in
                    let spec = command.spec
                    return "  " + spec.name + String(repeating: " ", count: width - spec.name.count) + "  "
                        + spec.summary + "\n"
                }.joined()
        }
        return sections.joined(separator: "\n")
            + "\n`help COMMAND` explains one. Tab completes commands, flags and ids; # starts a comment.\n"
    }

    static func text(for spec: CommandSpec) -> String {
        var text = "usage: \(spec.synopsis)\n\n\(spec.summary)\n"
        if !spec.aliases.isEmpty { text += "also: \(spec.aliases.joined(separator: ", "))\n" }
        if !spec.discussion.isEmpty { text += "\n\(spec.discussion)\n" }
        if !spec.flags.isEmpty {
            text += "\noptions:\n"
            let labels = spec.flags.map { flag in
                flag.value == nil ? flag.name : "\(flag.name) \(valueName(flag, synopsis: spec.synopsis))"
            }
            let width = labels.map(\.count).max() ?? 0
            for (label, flag) in zip(labels, spec.flags) {
                text += "  " + label + String(repeating: " ", count: width - label.count) + "  " + flag.help + "\n"
            }
        }
        return text
    }

    /// What the flag's value is called: as the synopsis writes it (`--timeout SECONDS`), else by its kind.
    private static func valueName(_ flag: FlagSpec, synopsis: String) -> String {
        if let range = synopsis.range(of: flag.name + " ") {
            let name = synopsis[range.upperBound...].prefix { !"] ".contains($0) }
            if !name.isEmpty { return String(name) }
        }
        switch flag.value {
        case .words(let words): return words.joined(separator: "|")
        case .diskIds: return "DISK"
        case .instanceIds: return "INSTANCE"
        case .keyPairNames: return "NAME"
        case .regionIds: return "REGION"
        case .files: return "PATH"
        case .variableNames: return "VAR"
        default: return "VALUE"
        }
    }
}
