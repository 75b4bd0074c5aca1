import AliyunCore
import ECS
import ECSEmulator
import Foundation
import Synchronization
import TestSupport

@testable import Shell

/// A session over an in-process sandbox for command tests: the emulator and the client share a fixed
/// clock that the waits move on (so nothing sleeps), every request is counted per action, and all that is
/// printed (output, errors, progress, the debug log) is captured.
final class ShellHarness: Sendable {
    /// Answers confirmations with a fixed answer and remembers the questions.
    final class FakePrompter: Prompter {
        let answer: Bool
        private let asked = Mutex<[String]>([])

        init(answer: Bool) { self.answer = answer }

        var questions: [String] { asked.withLock { $0 } }

        func readSecret(prompt: String) async -> String? { nil }

        func confirm(_ question: String) async -> Bool {
            asked.withLock { $0.append(question) }
            return answer
        }
    }

    let clock = FixedClock(iso8601: "2024-06-01T08:00:00Z")
    let sleeper: RecordingSleeper
    let transport: CountingTransport
    let session: Session
    let prompter: FakePrompter?
    private let captured = Captured()

    /// What was printed and logged, appended to from any thread.
    final class Captured: Sendable {
        let texts = Mutex<(output: String, errors: String, debug: String)>(("", "", ""))
    }

    /// - Parameters:
    ///   - world: the sandbox world, changed by `adjust` (e.g. timings) before the emulator starts.
    ///   - answer: with a value, the console is interactive and confirmations answer it.
    ///   - wrap: puts a transport of the test's between the counting one and the emulator.
    init(
        region: String = "cn-hangzhou", output: OutputFormat = .table, answer: Bool? = nil,
        adjust: (inout World) -> Void = { _ in },
        wrap: (any HTTPTransport) -> any HTTPTransport = { $0 }
    ) throws {
        var world = try World.load(contentsOf: PackagePaths.sandboxWorld)
        adjust(&world)
        let account = world.accounts[0]
        let emulator = Emulator(world: world, clock: clock)
        transport = CountingTransport(wrap(EmulatorTransport(emulator: emulator)))
        sleeper = RecordingSleeper(advancing: clock)
        let prompter = answer.map(FakePrompter.init)
        self.prompter = prompter
        let captured = captured
        let rpc = RPCClient(
            endpoint: Sandbox.endpoint, version: ECSAPI.version,
            credentials: StaticCredentialProvider(
                accessKeyId: account.accessKeyId, accessKeySecret: account.accessKeySecret),
            transport: transport,
            debugLog: DebugLog(
                includeHeaders: true, write: { line in captured.texts.withLock { $0.debug += line + "\n" } }),
            clock: clock, nonces: SequenceNonceGenerator())
        let connection = Connection(
            target: .sandbox, region: region, client: ECSClient(rpc: rpc), name: "sandbox",
            credentialSource: "test", endpoint: Sandbox.endpoint)
        let console = Console(
            output: { text in captured.texts.withLock { $0.output += text } },
            errorOutput: { text in captured.texts.withLock { $0.errors += text } },
            isInteractive: answer != nil, prompter: prompter)
        let connector = Connector(
            environment: [:], homeDirectory: "/nonexistent", transport: transport, flagCredential: nil,
            signatureVersion: .v3, allowInsecurePassword: false, worldPath: PackagePaths.sandboxWorld, debugLog: nil)
        session = Session(
            console: console, connector: connector,
            state: SessionState(connection: connection, output: output, language: .en))
    }

    var output: String { captured.texts.withLock { $0.output } }
    var errors: String { captured.texts.withLock { $0.errors } }
    /// Everything printed and logged, for looking for what must never appear.
    var everything: String { captured.texts.withLock { $0.output + $0.errors + $0.debug } }

    /// ReInitDisk (or another action's) requests sent so far.
    func calls(_ action: String) -> Int { transport.attempts(action) }

    var pacing: Pacing {
        let sleeper = sleeper
        return Pacing(clock: clock, sleep: { try await sleeper.sleep($0) }, interval: .seconds(2))
    }

    /// Runs one command line as the shell does; returns its error (reported like the shell reports it).
    @discardableResult
    func run(_ line: String) async -> (any Error)? {
        do {
            guard let words = try Tokenizer().commands(in: line).first else { return nil }
            let command = try CommandTable.parse(words)
            let services = ShellServices(runFile: { _, _ in }, standardInput: nil, pacing: pacing)
            try await command.run(in: CommandContext(session: session, location: nil, shell: services))
            return nil
        } catch {
            session.console.endProgress()
            let report = ErrorReport(error, language: .en).formatted(at: nil, language: .en)
            captured.texts.withLock { $0.errors += report }
            return error
        }
    }

    /// A disk's status now, as DescribeDisks says.
    func diskStatus(_ diskId: String) async throws -> String? {
        try await session.client.status(ofDisk: diskId, region: session.region)
    }

    func instanceStatus(_ instanceId: String) async throws -> String? {
        try await session.client.status(ofInstance: instanceId, region: session.region)
    }

    /// The session's password, as `set password` leaves it.
    func setPassword(_ value: String) {
        session.update { $0.password = Password(value) }
    }
}
