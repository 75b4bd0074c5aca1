/// What an error code means to a person, and what to do about it in the shell.
public struct ErrorExplanation: Sendable, Equatable {
    /// One sentence in plain words.
    public let meaning: String
    /// The next step, naming shell commands where one helps.
    public let hint: String

    public init(meaning: String, hint: String) {
        self.meaning = meaning
        self.hint = hint
    }
}
