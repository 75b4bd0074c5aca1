/// One command of the shell language: a type with its description as data (`spec`), a parser from the
/// words after its name, and `run` over the session.
protocol ShellCommand: Sendable {
    static var spec: CommandSpec { get }

    /// Parses the words after the command's name; a `UsageError` names what is wrong.
    init(arguments: [String]) throws(UsageError)

    func run(in context: CommandContext) async throws
}
