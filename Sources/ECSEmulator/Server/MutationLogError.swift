/// Why the `--log` file could not be opened: the path and the system's reason.
public struct MutationLogError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// The system's words, e.g. `No such file or directory`.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot open \(path): \(reason)" }
}
