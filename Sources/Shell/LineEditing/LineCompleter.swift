/// Finds completions for the word before the cursor; the line editor decides what to insert or list.
protocol LineCompleter: Sendable {
    func complete(lineBeforeCursor: String) -> CompletionResult
}
