public import AliyunCore
public import ECSEmulator
import Foundation

/// An `EmulatorServer` listening on 127.0.0.1 (a free port), with what it takes to call it over the wire:
/// `RPCClient`s on libcurl that sign with the sandbox's keys and with the server's clock.
public final class ServedEmulator: Sendable {
    /// The keys of the sandbox world's first account.
    public static let credential = Credential(accessKeyId: "sandbox", accessKeySecret: "sandbox-secret")

    public let server: EmulatorServer
    public let port: UInt16
    /// The server's clock, which clients sign with too (a timestamp must be within 15 minutes of it).
    public let clock: any Clock
    /// The mutation log, when `logPath` was given.
    public let log: MutationLog?

    /// - Parameters:
    ///   - faults: what to inject, with `seed`; `nil` for none.
    ///   - logPath: where the mutation log goes; `nil` for no log.
    public init(
        world: World, clock: any Clock = SystemClock(), faults: FaultSpec? = nil, seed: UInt64 = 1,
        logPath: String? = nil, limits: HTTPServer.Limits = HTTPServer.Limits()
    ) throws {
        self.clock = clock
        let log = try logPath.map { try MutationLog(path: $0) }
        self.log = log
        server = EmulatorServer(
            world: world, clock: clock, faults: faults.map { FaultInjector(spec: $0, seed: seed) }, log: log,
            limits: limits)
        port = try server.start()
    }

    /// The sandbox world (`share/ecsh/sandbox.json`) served.
    public convenience init(
        clock: any Clock = SystemClock(), faults: FaultSpec? = nil, seed: UInt64 = 1, logPath: String? = nil,
        limits: HTTPServer.Limits = HTTPServer.Limits()
    ) throws {
        try self.init(
            world: World.load(contentsOf: PackagePaths.sandboxWorld), clock: clock, faults: faults, seed: seed,
            logPath: logPath, limits: limits)
    }

    deinit { server.stop() }

    /// `http://127.0.0.1:PORT`.
    public var endpoint: Endpoint { Endpoint(scheme: "http", host: "127.0.0.1", port: Int(port)) }

    /// A client of this server over `transport` (a fresh `CurlTransport` by default).
    public func client(
        transport: any HTTPTransport = CurlTransport(), retryPolicy: RetryPolicyFactory = .none,
        signatureVersion: SignatureVersion = .v3,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) -> RPCClient {
        RPCClient(
            endpoint: endpoint, version: "2014-05-26", credentials: StaticCredentialProvider(Self.credential),
            transport: transport, signatureVersion: signatureVersion, retryPolicy: retryPolicy, clock: clock,
            sleep: sleep)
    }

    /// The status of disk `diskId` in the world as it is now, at the server's clock.
    public func diskStatus(_ diskId: String) -> DiskStatus? {
        server.emulator.world.disks.first { $0.diskId == diskId }?.status(at: clock.now())
    }

    /// The status of instance `instanceId` in the world as it is now, at the server's clock.
    public func instanceStatus(_ instanceId: String) -> InstanceStatus? {
        server.emulator.world.instances.first { $0.instanceId == instanceId }?.status(at: clock.now())
    }
}
