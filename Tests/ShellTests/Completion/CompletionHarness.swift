import AliyunCore
import ECS
import ECSEmulator
import Foundation
import TestSupport

@testable import Shell

/// A session over the sandbox world for completion tests, its calls counted, and completion run on a
/// thread of its own as the line editor runs it (never on the cooperative pool, which the fetch needs).
struct CompletionHarness {
    let session: Session
    let counter: CountingTransport
    let clock: FixedClock
    let home: TemporaryHome

    /// `transport` wraps the sandbox's in-process transport (or replaces it: a failing one, a slow one).
    /// `timeLimit` is generous by default: with the whole suite running, a fetch can wait for a thread longer
    /// than the shell's one second; the tests of the limit itself pass their own.
    init(
        region: String = "cn-hangzhou", timeLimit: TimeInterval = 30, variables: [String: String] = [:],
        environment: [String: String] = [:],
        transport: (any HTTPTransport) -> any HTTPTransport = { $0 }
    ) throws {
        home = try TemporaryHome()
        clock = FixedClock(iso8601: "2024-05-01T00:00:00Z")
        let sandbox = try Sandbox(worldPath: PackagePaths.sandboxWorld)
        counter = CountingTransport(transport(sandbox.transport))
        let rpc = RPCClient(
            endpoint: Sandbox.endpoint, version: ECSAPI.version, credentials: sandbox.credentials, transport: counter,
            retryPolicy: .none)
        let connection = Connection(
            target: .sandbox, region: region, client: ECSClient(rpc: rpc), name: "sandbox",
            credentialSource: "test", endpoint: Sandbox.endpoint)
        let connector = Connector(
            environment: environment, homeDirectory: home.path, transport: ScriptedTransport(), flagCredential: nil,
            signatureVersion: .v3, allowInsecurePassword: false, worldPath: PackagePaths.sandboxWorld, debugLog: nil)
        var state = SessionState(connection: connection, output: .table, language: .en)
        state.variables = variables
        let console = Console(output: { _ in }, errorOutput: { _ in }, isInteractive: false, prompter: nil)
        session = Session(
            console: console, connector: connector, state: state,
            resources: ResourceCache(ttl: 60, timeLimit: timeLimit, clock: clock))
    }

    /// Completes `line` as Tab at its end would.
    func complete(_ line: String) async -> CompletionResult {
        let engine = CompletionEngine(session: session)
        return await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: engine.complete(lineBeforeCursor: line)) }.start()
        }
    }

    /// The candidates for `line`.
    func candidates(_ line: String) async -> [String] {
        await complete(line).candidates
    }
}
