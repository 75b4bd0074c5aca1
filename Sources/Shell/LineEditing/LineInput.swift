/// What one read of a physical line produced.
enum LineInput: Sendable, Equatable {
    case line(String)
    /// Ctrl-C at the prompt: the partial line was discarded.
    case interrupted
    case endOfInput
}
