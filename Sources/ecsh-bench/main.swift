import AliyunCore
import ECSEmulator
import Foundation
import Shell

// `make bench`: side-by-side measurements in one run, reported as ratios, because the machine is shared
// and absolute figures move with its load. Each case runs for a fixed number of calls; the order of cases
// alternates over several rounds so that drift affects both sides alike.

let rounds = 3
let callsPerRound = Int(ProcessInfo.processInfo.environment["ECSH_BENCH_CALLS"] ?? "") ?? 1_000
let worldPath = CommandLine.arguments.dropFirst().first ?? "share/ecsh/sandbox.json"

func measure(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    return (ContinuousClock.now - start) / .seconds(1)
}

func client(_ endpoint: Endpoint, _ transport: any HTTPTransport, _ version: SignatureVersion) -> RPCClient {
    RPCClient(
        endpoint: endpoint, version: "2014-05-26",
        credentials: StaticCredentialProvider(accessKeyId: "sandbox", accessKeySecret: "sandbox-secret"),
        transport: transport, signatureVersion: version, retryPolicy: .none)
}

let world = try World.load(contentsOf: worldPath)
let server = EmulatorServer(world: world)
let port = try server.start()
let endpoint = try Endpoint(parsing: "http://127.0.0.1:\(port)")
let parameters = ["RegionId": "cn-hangzhou"]

var totals: [String: Double] = [:]
for _ in 0..<rounds {
    // 1. One kept-alive connection (the shared transport) against a new connection for every call.
    let shared = CurlTransport()
    let keptAlive = client(endpoint, shared, .v3)
    totals["keep-alive", default: 0] += try await measure {
        for _ in 0..<callsPerRound { _ = try await keptAlive.call("DescribeDisks", parameters: parameters) }
    }
    shared.shutdown()
    totals["new connection per call", default: 0] += try await measure {
        for _ in 0..<callsPerRound {
            let fresh = CurlTransport()
            _ = try await client(endpoint, fresh, .v3).call("DescribeDisks", parameters: parameters)
            fresh.shutdown()
        }
    }
    // 2. The sandbox's in-process transport against a real socket to `ecsh serve`.
    let inProcess = client(endpoint, EmulatorTransport(emulator: Emulator(world: world)), .v3)
    totals["in-process sandbox", default: 0] += try await measure {
        for _ in 0..<callsPerRound { _ = try await inProcess.call("DescribeDisks", parameters: parameters) }
    }
    // 3. A script of `disk ID` lines through the whole shell (tokenizer, command, typed client, JSON line)
    //    against the same DescribeDisks calls made directly, both on a sandbox loaded from the world file
    //    inside the measurement, as `ecsh --sandbox` loads it. The sandbox brings its own transport: the
    //    tool's is never called.
    let script = String(repeating: "disk d-bp1oksystem000001\n", count: callsPerRound)
    let tool = CommandLineTool(
        environment: [:], homeDirectory: NSTemporaryDirectory(), output: { _ in }, errorOutput: { _ in },
        transport: UnusedTransport())
    totals["shell script", default: 0] += try await measure {
        let status = await tool.run(["--sandbox", "--world", worldPath, "-c", script])
        guard status == 0 else { throw BenchmarkFailure(message: "the shell script exited \(status)") }
    }
    let oneDisk = ["RegionId": "cn-hangzhou", "DiskIds": #"["d-bp1oksystem000001"]"#]
    totals["direct calls", default: 0] += try await measure {
        let sandbox = Emulator(world: try World.load(contentsOf: worldPath))
        let direct = client(endpoint, EmulatorTransport(emulator: sandbox), .v3)
        for _ in 0..<callsPerRound { _ = try await direct.call("DescribeDisks", parameters: oneDisk) }
    }
    // 4. Signing alone: v1 (HMAC-SHA1) against v3 (canonical request, SHA-256, HMAC-SHA256).
    let credential = Credential(accessKeyId: "id", accessKeySecret: "secret")
    let date = Date()
    totals["sign v1", default: 0] += await measure {
        for index in 0..<(callsPerRound * 10) {
            _ = SignerV1(credential: credential).sign(
                method: "POST", action: "ReInitDisk", version: "2014-05-26", parameters: ["DiskId": "d-\(index)"],
                format: "JSON", timestamp: date, nonce: "\(index)")
        }
    }
    totals["sign v3", default: 0] += await measure {
        for index in 0..<(callsPerRound * 10) {
            _ = SignerV3(credential: credential).sign(
                method: "POST", host: "ecs.aliyuncs.com", action: "ReInitDisk", version: "2014-05-26",
                query: ["DiskId": "d-\(index)"], body: Data(), date: date, nonce: "\(index)")
        }
    }
}
server.stop()

@MainActor func rate(_ name: String, calls: Int) -> Double { Double(calls * rounds) / totals[name]! }
let keepAlive = rate("keep-alive", calls: callsPerRound)
let fresh = rate("new connection per call", calls: callsPerRound)
let inProcess = rate("in-process sandbox", calls: callsPerRound)
let v1 = rate("sign v1", calls: callsPerRound * 10)
let v3 = rate("sign v3", calls: callsPerRound * 10)
print("DescribeDisks over libcurl to ecsh serve, \(rounds) rounds x \(callsPerRound) calls:")
print(String(format: "  keep-alive               %8.0f calls/s", keepAlive))
print(String(format: "  new connection per call  %8.0f calls/s   keep-alive is %.2fx faster", fresh, keepAlive / fresh))
print(
    String(format: "  in-process sandbox       %8.0f calls/s   %.2fx the socket path", inProcess, inProcess / keepAlive)
)
let shell = rate("shell script", calls: callsPerRound)
let directCalls = rate("direct calls", calls: callsPerRound)
print("`disk ID` on the in-process sandbox, \(rounds) rounds x \(callsPerRound) commands:")
print(String(format: "  through the shell (-c)   %8.0f commands/s", shell))
print(
    String(
        format: "  direct DescribeDisks     %8.0f calls/s      the shell runs at %.2fx", directCalls,
        shell / directCalls))
print("Signing alone, \(rounds) rounds x \(callsPerRound * 10) signatures:")
print(String(format: "  v1 HMAC-SHA1             %8.0f signatures/s", v1))
print(String(format: "  v3 ACS3-HMAC-SHA256      %8.0f signatures/s   v1/v3 = %.2f", v3, v1 / v3))

struct BenchmarkFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// For a tool that runs on the sandbox, which brings its own transport.
struct UnusedTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw BenchmarkFailure(message: "the sandbox sent a request over the network transport")
    }
}
