import Synchronization

/// What a program under test printed to standard output and standard error, appended to from any thread.
public final class CapturedOutput: Sendable {
    private let texts = Mutex<(output: String, errors: String)>(("", ""))

    public init() {}

    public var output: String { texts.withLock { $0.output } }
    public var errors: String { texts.withLock { $0.errors } }

    @Sendable public func write(_ text: String) { texts.withLock { $0.output += text } }
    @Sendable public func writeError(_ text: String) { texts.withLock { $0.errors += text } }
}
