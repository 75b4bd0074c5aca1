public import AliyunCore
import Foundation

/// An `RPCClient` wired to test doubles: a scripted transport, a fixed clock that sleeping moves on,
/// numbered nonces and a counting credential provider. Nothing waits and nothing leaves the process.
public struct RPCClientHarness: Sendable {
    public let transport: ScriptedTransport
    public let sleeper: RecordingSleeper
    public let clock: FixedClock
    public let nonces: SequenceNonceGenerator
    public let credentials: CountingCredentialProvider
    public let client: RPCClient

    public init(
        endpoint: String = "https://ecs.cn-hangzhou.aliyuncs.com", _ steps: [ScriptedTransport.Step] = [],
        otherwise: ScriptedTransport.Step? = nil, signatureVersion: SignatureVersion = .v3,
        retryPolicy: RetryPolicyFactory = .jitter(maxAttempts: 3, random: { 0.5 }), timeouts: ReadTimeouts = .standard,
        allowInsecurePassword: Bool = false, debugLog: DebugLog? = nil,
        credentials: CountingCredentialProvider = CountingCredentialProvider(),
        now: String = "2024-01-01T00:00:00Z", nonces: [String] = []
    ) throws {
        transport = ScriptedTransport(steps, otherwise: otherwise)
        clock = FixedClock(iso8601: now)
        sleeper = RecordingSleeper(advancing: clock)
        self.nonces = SequenceNonceGenerator(nonces)
        self.credentials = credentials
        let sleeper = sleeper
        client = RPCClient(
            endpoint: try Endpoint(parsing: endpoint), version: "2014-05-26", credentials: credentials,
            transport: transport, signatureVersion: signatureVersion, retryPolicy: retryPolicy, timeouts: timeouts,
            allowInsecurePassword: allowInsecurePassword, debugLog: debugLog, clock: clock, nonces: self.nonces,
            sleep: { try await sleeper.sleep($0) })
    }

    /// The requests sent so far.
    public var requests: [HTTPRequest] { transport.requests }
}

extension HTTPRequest {
    /// The query parameters of the URL, decoded; repeated names keep the last value.
    public var decodedQuery: [String: String] {
        guard let mark = url.firstIndex(of: "?") else { return [:] }
        let pairs = (try? formDecode(String(url[url.index(after: mark)...]))) ?? []
        return Dictionary(pairs.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// A header by name, ignoring case.
    public func header(named name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
