import ECS

extension CompletionEngine {
    /// Where in a command the word being completed stands, as far as its kind needs to know.
    struct Position {
        /// The command and subcommand names: `["wait", "disk"]`.
        var path: [String]
        /// The positional words already on the line, which an id is not offered again beside.
        var positionals: [String] = []
        /// The word typed so far, unquoted (only the value of `--flag=value`).
        var partial = ""
        /// The word is a flag's value, not a positional word.
        var isFlagValue = false

        func forFlagValue(_ value: String) -> Position {
            Position(path: path, positionals: [], partial: value, isFlagValue: true)
        }
    }

    /// The words of `kind`, in the order they are best listed.
    func values(of kind: ArgumentKind, in position: Position) -> [String] {
        let connection = session.current.connection
        let cache = session.resources
        switch kind {
        case .none, .text:
            return []
        case .words(let words):
            return words
        case .commandNames:
            return CommandTable.names.sorted()
        case .regionIds:
            return cache.regionIds(for: connection).sorted()
        case .profileNames:
            return session.connector.profileNames().sorted()
        case .keyPairNames:
            return cache.keyPairNames(for: connection).sorted()
        case .diskIds:
            // In use first: those are the disks ReInitDisk accepts.
            let disks = cache.disks(for: connection).map { ($0.diskId, $0.status) }
            return Self.favouring("In_use", disks, excluding: position.positionals)
        case .instanceIds:
            let favoured = ["start": "Stopped", "stop": "Running"][position.path.first ?? ""]
            let instances = cache.instances(for: connection).map { ($0.instanceId, $0.status) }
            return Self.favouring(favoured, instances, excluding: position.positionals)
        case .files:
            return FileNameCompletion.candidates(
                for: position.partial, homeDirectory: session.connector.homeDirectory)
        case .variableNames:
            // A flag's value names an environment variable (`--from-env`); `unset` a session variable.
            if position.isFlagValue { return session.connector.environment.keys.sorted() }
            return session.current.variables.keys.sorted()
        case .actionNames:
            return ActionNames.common.sorted()
        }
    }

    /// Ids in the `favoured` status first, then the rest, each group sorted; those already given left out.
    private static func favouring(
        _ favoured: String?, _ items: [(id: String, status: String)], excluding given: [String]
    ) -> [String] {
        let given = Set(given)
        let items = items.filter { !given.contains($0.id) }.sorted { $0.id < $1.id }
        return items.filter { $0.status == favoured }.map(\.id) + items.filter { $0.status != favoured }.map(\.id)
    }
}
