/// The words of a command split by its spec: flags (with their values) and positional words.
///
/// `--flag value`, `--flag=value`, bare flags, and `--` to end the flags, as in sh tools. An unknown flag
/// is an error naming the nearest known one.
struct CommandArguments: Sendable {
    private(set) var positionals: [String] = []
    private var values: [String: String] = [:]
    private var present: Set<String> = []

    init(_ words: [String], spec: CommandSpec) throws(UsageError) {
        let valueFlags = spec.flags.filter { $0.value != nil }.map(\.name)
        let plainFlags = spec.flags.filter { $0.value == nil }.map(\.name)
        var flagWords = words
        var trailing: [String] = []
        if let end = words.firstIndex(of: "--") {
            flagWords = Array(words[..<end])
            trailing = Array(words[(end + 1)...])
        }
        let scanner = OptionScanner(kind: "\(spec.name) option", valueOptions: valueFlags, flagOptions: plainFlags)
        var positionals: [String] = []
        var values: [String: String] = [:]
        var present: Set<String> = []
        try scanner.scan(flagWords) { word throws(UsageError) in
            positionals.append(word)
        } option: { name, value throws(UsageError) in
            guard !present.contains(name) else { throw UsageError("\(spec.name): \(name) is given twice") }
            present.insert(name)
            values[name] = value
        }
        self.positionals = positionals + trailing
        self.values = values
        self.present = present
    }

    /// Whether the flag was given.
    func has(_ flag: String) -> Bool { present.contains(flag) }

    /// The value given to a flag that takes one.
    func value(_ flag: String) -> String? { values[flag] }

    /// Fails unless there are between `range` positional words, naming the usage.
    func expectPositionals(_ range: ClosedRange<Int>, usage spec: CommandSpec) throws(UsageError) {
        if positionals.count < range.lowerBound {
            throw UsageError("\(spec.name): missing argument (usage: \(spec.synopsis))")
        }
        if positionals.count > range.upperBound {
            let extra = positionals[range.upperBound]
            throw UsageError("\(spec.name): unexpected argument \"\(extra)\" (usage: \(spec.synopsis))")
        }
    }

    /// A positive integer flag value within `range`, or `nil` when the flag is absent.
    func integer(_ flag: String, in range: ClosedRange<Int>, command: String) throws(UsageError) -> Int? {
        guard let text = values[flag] else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError(
                "\(command): \(flag) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text)\""
            )
        }
        return number
    }
}
