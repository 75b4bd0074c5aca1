import ECS

/// Tab completion for the command language, read from the same `CommandSpec`s as the parser and `help`:
/// command names, subcommands, flags not yet given, flag values and positional words by their
/// `ArgumentKind`, and the account's ids through the session's `ResourceCache`.
///
/// Called synchronously on the line editor's thread; a fetch of ids waits at most the cache's time limit.
struct CompletionEngine: LineCompleter {
    let session: Session

    init(session: Session) {
        self.session = session
    }

    func complete(lineBeforeCursor: String) -> CompletionResult {
        let line = CompletionLine(lineBeforeCursor)
        guard !line.isComment else { return CompletionResult(word: "", candidates: []) }
        var seen: Set<String> = []
        let matches = candidates(for: line).filter { $0.hasPrefix(line.partial) && seen.insert($0).inserted }
        // A directory is not finished: the next Tab goes into it.
        let isDirectory = matches.count == 1 && matches[0].hasSuffix("/")
        return CompletionResult(
            word: line.rawPartial, candidates: matches.map(line.rendering), appendSpace: !isDirectory)
    }

    /// Every word that could stand where the partial word is, before filtering by what is typed.
    private func candidates(for line: CompletionLine) -> [String] {
        guard let name = line.words.first else { return CommandTable.names.sorted() }
        guard var spec = CommandTable.command(named: name)?.spec else { return [] }
        var path = [spec.name]
        var rest = Array(line.words.dropFirst())
        if !spec.subcommands.isEmpty {
            guard let word = rest.first else {
                // `unset ` also takes a variable's name; `use `, `set `, `show ` only their subcommands.
                let values = spec.arguments == .none ? [] : self.values(of: spec.arguments, in: Position(path: path))
                return spec.subcommands.map(\.name) + values
            }
            // `set NAME VALUE`: a variable's value is free text.
            guard let subcommand = spec.subcommand(named: word) else { return [] }
            spec = subcommand
            path.append(subcommand.name)
            rest.removeFirst()
        }
        return arguments(after: rest, of: spec, path: path, partial: line.partial)
    }

    /// Completes after a (sub)command's name: a flag, a flag's value, or a positional word.
    private func arguments(after words: [String], of spec: CommandSpec, path: [String], partial: String) -> [String] {
        var given: Set<String> = []
        var positionals: [String] = []
        var pending: FlagSpec?
        var flagsEnded = false
        for word in words {
            if pending != nil {
                pending = nil
            } else if flagsEnded || !word.hasPrefix("-") || word == "-" {
                positionals.append(word)
            } else if word == "--" {
                flagsEnded = true
            } else {
                let name = String(word.prefix { $0 != "=" })
                guard let flag = spec.flag(named: name) else { continue }
                given.insert(name)
                if flag.value != nil, !word.contains("=") { pending = flag }
            }
        }
        let unusedFlags = spec.flags.map(\.name).filter { !given.contains($0) }
        let position = Position(path: path, positionals: positionals, partial: partial)
        if let kind = pending?.value {
            return values(of: kind, in: position.forFlagValue(partial))
        }
        if !flagsEnded, partial.hasPrefix("-") {
            // `--flag=value` completes the value in place.
            if let equals = partial.firstIndex(of: "="), let kind = spec.flag(named: String(partial[..<equals]))?.value
            {
                let prefix = String(partial[...equals])
                let value = String(partial[partial.index(after: equals)...])
                return values(of: kind, in: position.forFlagValue(value)).map { prefix + $0 }
            }
            return unusedFlags
        }
        let kind = Self.positionalKind(of: spec, path: path, index: positionals.count)
        // A command that takes no words offers its flags at once: `disks <Tab>`.
        if kind == .none, partial.isEmpty, !flagsEnded { return unusedFlags }
        return values(of: kind, in: position)
    }

    /// What the positional word at `index` is: the spec's kind for the first (and the rest, when the
    /// synopsis repeats it with `…`); `wait disk ID STATUS` says its status by the object waited for.
    private static func positionalKind(of spec: CommandSpec, path: [String], index: Int) -> ArgumentKind {
        if path.first == "wait", index == 1 {
            switch path.last {
            case "disk": return .words(ECSAPI.diskStatuses)
            case "instance": return .words(ECSAPI.instanceStatuses)
            default: break
            }
        }
        if index == 0 { return spec.arguments }
        let repeats = spec.synopsis.contains("…") || spec.synopsis.contains("...")
        return repeats && spec.arguments != .actionNames ? spec.arguments : .none
    }
}
