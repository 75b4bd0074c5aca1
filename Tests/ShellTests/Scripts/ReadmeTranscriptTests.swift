import AliyunCore
import Foundation
import TestSupport
import Testing

@testable import Shell

/// The README's terminal session is what the current build prints: its commands are replayed against a
/// fresh sandbox and the output compared line by line (request ids aside). What only a terminal shows
/// is stood in for: the password prompts by `--from-env`, the confirmation by the answer it got.
struct ReadmeTranscriptTests {
    static let prompt = "ecsh sandbox:cn-hangzhou> "

    /// The lines of the README between the transcript markers, without the code fence.
    static func transcript() throws -> [String] {
        let readme = try String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- transcript:start -->"))
        let end = try #require(readme.range(of: "<!-- transcript:end -->"))
        return readme[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("```") }
    }

    /// Request ids differ on every run.
    static func masked(_ text: String) -> String {
        text.replacing(/[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/, with: "<RequestId>")
    }

    @Test func theTranscriptIsWhatTheShellPrints() async throws {
        var commands: [String] = []
        var expected: [String] = []
        for line in try Self.transcript() {
            if line.hasPrefix(Self.prompt) {
                let command = String(line.dropFirst(Self.prompt.count))
                commands.append(command == "set password" ? "set password --from-env ECSH_PASSWORD" : command)
            } else if ["New password:", "Repeat password:"].contains(line) {
                continue
            } else if line.hasPrefix("Continue? [y/N] ") {
                #expect(line == "Continue? [y/N] y", "the transcript goes on as if the answer were yes")
                // The question's lines (one per disk) are not printed without a terminal.
                while let last = expected.last, !last.hasPrefix("ecsh"), last.contains(" will be ") {
                    expected.removeLast()
                }
            } else {
                expected.append(line)
            }
        }
        #expect(commands.count >= 4)

        let captured = CapturedOutput()
        let connector = Connector(
            environment: ["ECSH_PASSWORD": "Demo-Pass1"], homeDirectory: NSTemporaryDirectory(),
            transport: ScriptedTransport(), flagCredential: nil, signatureVersion: .v3, allowInsecurePassword: false,
            worldPath: PackagePaths.sandboxWorld, debugLog: nil)
        let connection = try connector.connect(.sandbox, region: "cn-hangzhou")
        var state = SessionState(connection: connection, output: .table, language: .en)
        state.assumeYes = true
        let console = Console(output: captured.write, errorOutput: captured.write, isInteractive: false, prompter: nil)
        let session = Session(console: console, connector: connector, state: state)
        var runner = ScriptRunner(
            session: session, shell: ShellServices(runFile: { _, _ in }, standardInput: nil))
        runner.interactive = true
        _ = await runner.run(TextLineReader(commands.joined(separator: "\n")), name: "README")

        let printed = Self.masked(captured.output).split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        #expect(printed.dropLast() == expected.map(Self.masked)[...])
    }
}
