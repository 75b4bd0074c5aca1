import AliyunCore
import ECS
import Synchronization

/// Turns a target and a region into a `Connection`: finds credentials, builds the client. Holds what
/// comes from the command line and the process, and the one sandbox, so that its world survives
/// `use region` and `use profile … / use sandbox` round trips.
final class Connector: Sendable {
    let environment: [String: String]
    let homeDirectory: String
    let transport: any HTTPTransport
    /// `--access-key-id`/`--access-key-secret`/`--sts-token`.
    let flagCredential: Credential?
    let signatureVersion: SignatureVersion
    let allowInsecurePassword: Bool
    let worldPath: String?
    let debugLog: DebugLog?
    private let sandbox = Mutex<Sandbox?>(nil)

    init(
        environment: [String: String], homeDirectory: String, transport: any HTTPTransport,
        flagCredential: Credential?, signatureVersion: SignatureVersion, allowInsecurePassword: Bool,
        worldPath: String?, debugLog: DebugLog?
    ) {
        self.environment = environment
        self.homeDirectory = homeDirectory
        self.transport = transport
        self.flagCredential = flagCredential
        self.signatureVersion = signatureVersion
        self.allowInsecurePassword = allowInsecurePassword
        self.worldPath = worldPath
        self.debugLog = debugLog
    }

    /// The credential chain: flags, then the named profile, then the environment and the config file.
    func resolver(profile: String?) -> CredentialResolver {
        CredentialResolver(
            flags: profile == nil ? flagCredential : nil, profileName: profile, environment: environment,
            homeDirectory: homeDirectory, transport: transport)
    }

    /// The profiles of the CLI config file, for completion and `use profile`.
    func profileNames() -> [String] {
        resolver(profile: nil).profileNames()
    }

    /// Connects to `target` in `region`; throws a one-line error when there are no credentials for it.
    func connect(_ target: Target, region: String) throws -> Connection {
        switch target {
        case .sandbox:
            let sandbox = try loadSandbox()
            let rpc = RPCClient(
                endpoint: Sandbox.endpoint, version: ECSAPI.version, credentials: sandbox.credentials,
                transport: sandbox.transport, signatureVersion: signatureVersion, debugLog: debugLog)
            return Connection(
                target: target, region: region, client: ECSClient(rpc: rpc), name: "sandbox",
                credentialSource: "the sandbox's account (\(sandbox.worldPath))", endpoint: Sandbox.endpoint)
        case .remote(let endpoint, let profile):
            guard let resolved = try resolver(profile: profile).resolve() else {
                throw UsageError(
                    "no credentials found: pass --access-key-id and --access-key-secret, set "
                        + "ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, "
                        + "or add a profile to \(AliyunConfigFile.displayPath) (`use sandbox` needs none)")
            }
            let address = endpoint ?? .ecs(region: region)
            let rpc = RPCClient(
                endpoint: address, version: ECSAPI.version, credentials: resolved.provider, transport: transport,
                signatureVersion: signatureVersion, allowInsecurePassword: allowInsecurePassword, debugLog: debugLog)
            let name = profile ?? resolved.profileName ?? endpoint.map(Self.shortName) ?? "cloud"
            return Connection(
                target: target, region: region, client: ECSClient(rpc: rpc), name: name,
                credentialSource: resolved.source, endpoint: address)
        }
    }

    private static func shortName(_ endpoint: Endpoint) -> String {
        endpoint.port.map { "\(endpoint.host):\($0)" } ?? endpoint.host
    }

    private func loadSandbox() throws -> Sandbox {
        try sandbox.withLock { cached in
            if let cached { return cached }
            let loaded = try Sandbox(worldPath: worldPath)
            cached = loaded
            return loaded
        }
    }
}
