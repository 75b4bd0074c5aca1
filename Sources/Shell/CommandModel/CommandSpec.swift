/// A command as data: its name, usage, help and flags. `help`, completion and "did you mean" all read
/// this one description, so they cannot disagree with the parser.
struct CommandSpec: Sendable {
    var name: String
    var aliases: [String] = []
    /// One line of usage, e.g. `disk ID`.
    var synopsis: String
    /// One sentence for the `help` overview.
    var summary: String
    /// What `help NAME` adds after the synopsis: paragraphs, examples.
    var discussion: String = ""
    /// What the positional words are, for completion.
    var arguments: ArgumentKind = .none
    var flags: [FlagSpec] = []
    /// `use region`, `set password`, …: each a spec of its own, named by its word after the command.
    var subcommands: [CommandSpec] = []

    /// All the names the command answers to.
    var names: [String] { [name] + aliases }

    func flag(named name: String) -> FlagSpec? {
        flags.first { $0.name == name }
    }

    func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }
}

/// A `--flag`, with or without a value.
struct FlagSpec: Sendable {
    var name: String
    /// What the flag's value is; `nil` for a flag that takes none.
    var value: ArgumentKind?
    var help: String

    /// A flag that takes no value.
    static func option(_ name: String, _ help: String) -> FlagSpec {
        FlagSpec(name: name, value: nil, help: help)
    }

    /// A flag followed by a value.
    static func value(_ name: String, _ kind: ArgumentKind, _ help: String) -> FlagSpec {
        FlagSpec(name: name, value: kind, help: help)
    }
}

/// What a word of a command stands for: how it completes, and what `help` calls it.
enum ArgumentKind: Sendable, Equatable {
    case none
    /// Free text: nothing to complete.
    case text
    /// One of these words.
    case words([String])
    case commandNames
    case regionIds
    case profileNames
    case diskIds
    case instanceIds
    case keyPairNames
    case files
    case variableNames
    case actionNames
}
