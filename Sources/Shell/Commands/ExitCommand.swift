/// `exit [STATUS]`, `quit`: leaves the shell (the history is saved).
struct ExitCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "exit", aliases: ["quit"], synopsis: "exit [STATUS]",
        summary: "leave ecsh (Ctrl-D does the same); a script ends with STATUS (default 0)")

    let status: Int32

    init(arguments: [String]) throws(UsageError) {
        guard arguments.count <= 1 else { throw UsageError("exit: expected at most one status") }
        guard let text = arguments.first else {
            status = 0
            return
        }
        guard let status = Int32(text), (0...255).contains(status) else {
            throw UsageError("exit: the status must be a number from 0 to 255, not \"\(text)\"")
        }
        self.status = status
    }

    func run(in context: CommandContext) async throws {
        throw ExitRequest(status: status)
    }
}
