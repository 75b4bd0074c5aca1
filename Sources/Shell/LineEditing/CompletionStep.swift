/// What one press of Tab does, decided without a terminal: the bash behaviour as a pure function.
enum CompletionStep: Sendable, Equatable {
    /// Insert this text at the cursor.
    case insert(String)
    /// Print these candidates below the line and redisplay it.
    case list([String])
    /// Nothing fits, or the choice is ambiguous and Tab was pressed once: ring the bell.
    case beep
    /// The word is already complete.
    case nothing

    /// - Parameter repeated: Tab was pressed just before, and the line has not changed since.
    static func decide(_ result: CompletionResult, repeated: Bool) -> CompletionStep {
        var seen = Set<String>()
        let candidates = result.candidates.filter { $0.hasPrefix(result.word) && seen.insert($0).inserted }
        guard let first = candidates.first else { return .beep }
        if candidates.count == 1 {
            let rest = String(first.dropFirst(result.word.count)) + (result.appendSpace ? " " : "")
            return rest.isEmpty ? .nothing : .insert(rest)
        }
        let common = longestCommonPrefix(candidates)
        if common.count > result.word.count {
            return .insert(String(common.dropFirst(result.word.count)))
        }
        return repeated ? .list(candidates) : .beep
    }

    /// The longest prefix, in whole characters, that all `words` share.
    static func longestCommonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map({ Substring($0) }) else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix = prefix.dropLast() }
        }
        return String(prefix)
    }
}
