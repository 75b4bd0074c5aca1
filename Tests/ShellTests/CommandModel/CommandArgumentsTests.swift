import Testing

@testable import Shell

struct CommandArgumentsTests {
    let spec = CommandSpec(
        name: "reinit", synopsis: "reinit DISK…", summary: "",
        flags: [.option("--wait", ""), .option("--yes", ""), .value("--parallel", .text, "")])

    @Test func flagsValuesAndPositionalsAreSeparated() throws {
        let parsed = try CommandArguments(["d-1", "--wait", "--parallel=2", "d-2", "--", "--odd"], spec: spec)
        #expect(parsed.positionals == ["d-1", "d-2", "--odd"])
        #expect(parsed.has("--wait"))
        #expect(!parsed.has("--yes"))
        #expect(parsed.value("--parallel") == "2")
    }

    @Test(arguments: [
        (["--wiat"], "unknown reinit option --wiat (did you mean --wait?)"),
        (["--parallel"], "reinit option --parallel needs a value"),
        (["--wait=1"], "reinit option --wait takes no value"),
        (["--wait", "--wait"], "reinit: --wait is given twice"),
    ])
    func mistakesAreNamed(_ words: [String], _ message: String) {
        #expect(throws: UsageError(message)) { try CommandArguments(words, spec: spec) }
    }

    @Test func integersAreCheckedAgainstTheirRange() throws {
        let parsed = try CommandArguments(["--parallel", "99"], spec: spec)
        #expect(throws: UsageError("reinit: --parallel must be a whole number from 1 to 16, not \"99\"")) {
            try parsed.integer("--parallel", in: 1...16, command: "reinit")
        }
    }
}
