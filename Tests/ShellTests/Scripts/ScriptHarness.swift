import AliyunCore
import Foundation
import TestSupport

@testable import Shell

/// Runs `ecsh` in-process against the sandbox, capturing what it prints.
struct ScriptHarness {
    struct Result {
        var status: Int32
        var output: String
        var errors: String

        /// Standard output as JSON lines.
        func jsonLines() throws -> [JSONValue] {
            try output.split(separator: "\n").map { try JSONValue.parse(Data($0.utf8)) }
        }
    }

    let home: TemporaryHome
    var environment: [String: String] = [:]

    init() throws {
        home = try TemporaryHome()
    }

    /// Writes a file in the temporary home and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        try home.write(text, to: name, permissions: 0o644)
    }

    /// Runs ecsh with `arguments` (the sandbox world added), `stdin` as piped standard input.
    func run(_ arguments: [String], stdin: String? = nil) async -> Result {
        let captured = CapturedOutput()
        var tool = CommandLineTool(
            environment: environment, homeDirectory: home.path, output: captured.write,
            errorOutput: captured.writeError, transport: ScriptedTransport())
        tool.standardInput = TextLineReader(stdin ?? "")
        let status = await tool.run(["--sandbox", "--world", PackagePaths.sandboxWorld] + arguments)
        return Result(status: status, output: captured.output, errors: captured.errors)
    }
}
