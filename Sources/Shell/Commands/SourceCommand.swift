/// `source FILE`: runs a command file here, in this session; its errors name FILE:LINE.
struct SourceCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "source", synopsis: "source FILE", summary: "run the commands of FILE in this session",
        arguments: .files)

    let path: String

    init(arguments: [String]) throws(UsageError) {
        guard arguments.count == 1, let path = arguments.first else {
            throw UsageError("source: expected one file (usage: \(Self.spec.synopsis))")
        }
        self.path = path
    }

    func run(in context: CommandContext) async throws {
        try await context.shell.runFile(path, context)
    }
}
