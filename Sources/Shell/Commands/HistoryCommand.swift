/// `history`: the lines entered at the prompt, numbered, oldest first.
struct HistoryCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "history", synopsis: "history", summary: "list the commands entered at the prompt (never passwords)")

    init(arguments: [String]) throws(UsageError) {
        guard arguments.isEmpty else { throw UsageError("history takes no arguments") }
    }

    func run(in context: CommandContext) async throws {
        let entries = context.shell.history()
        let width = String(entries.count).count
        let lines = entries.enumerated().map { index, line in
            let number = String(index + 1)
            return String(repeating: " ", count: width - number.count) + number + "  " + line + "\n"
        }
        if !lines.isEmpty { context.print(lines.joined()) }
    }
}
