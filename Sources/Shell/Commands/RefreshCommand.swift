/// `refresh`: forgets the ids Tab completion cached, so that the next Tab asks the account again (after a
/// disk was created or an instance changed outside this shell).
struct RefreshCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "refresh", synopsis: "refresh", summary: "forget the cached ids used by Tab completion")

    init(arguments: [String]) throws(UsageError) {
        guard arguments.isEmpty else { throw UsageError("refresh takes no arguments") }
    }

    func run(in context: CommandContext) async throws {
        context.session.resources.clear()
    }
}
