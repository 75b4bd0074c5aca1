/// What a completer found for the text before the cursor.
struct CompletionResult: Sendable, Equatable {
    /// The partial word being completed, a suffix of the line before the cursor.
    var word: String
    /// Full words that could replace `word`, in the order they should be listed.
    var candidates: [String]
    /// Whether a single, complete candidate is followed by a space (false for a directory or `key=`).
    var appendSpace: Bool = true
}
