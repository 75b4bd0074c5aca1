/// A command line or command that is wrong as written: exit status 2 on the `ecsh` command line.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    /// "unknown option --regoin (did you mean --region?)", or without the suggestion when none is close.
    static func unknown(_ what: String, _ word: String, candidates: some Sequence<String>) -> UsageError {
        if let suggestion = EditDistance.suggestion(for: word, among: candidates) {
            return UsageError("unknown \(what) \(word) (did you mean \(suggestion)?)")
        }
        return UsageError("unknown \(what) \(word)")
    }

    public var description: String { message }
}
