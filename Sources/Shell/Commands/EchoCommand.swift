/// `echo TEXT…`: prints its words, variables expanded, whatever the output format.
struct EchoCommand: ShellCommand {
    static let spec = CommandSpec(
        name: "echo", synopsis: "echo TEXT…", summary: "print text (variables expanded), e.g. for script progress",
        arguments: .text)

    let words: [String]

    init(arguments: [String]) throws(UsageError) {
        words = arguments
    }

    func run(in context: CommandContext) async throws {
        context.print(words.joined(separator: " "))
    }
}
