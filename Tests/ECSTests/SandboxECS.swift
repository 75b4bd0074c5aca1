import AliyunCore
import ECS
import ECSEmulator
import Foundation
import Synchronization
import TestSupport

/// An `ECSClient` over the in-process emulator of a world (the sandbox's by default), signing with the
/// world's first account and sharing the emulator's fixed clock; the calls that reach the emulator's
/// handlers are recorded, parameters as they arrived.
struct SandboxECS {
    let emulator: Emulator
    let clock: FixedClock
    let client: ECSClient
    private let recorded: Recorder

    /// - Parameter secret: signs with this instead of the account's secret (to be refused).
    init(world: World? = nil, account: Int = 0, secret: String? = nil) throws {
        let world = try world ?? World.load(contentsOf: PackagePaths.sandboxWorld)
        clock = FixedClock(iso8601: "2024-06-01T00:00:00Z")
        let recorded = Recorder()
        self.recorded = recorded
        emulator = Emulator(
            world: world, clock: clock, observer: { call in recorded.calls.withLock { $0.append(call) } })
        let keys = world.accounts[account]
        let rpc = RPCClient(
            endpoint: Endpoint(scheme: "http", host: "localhost"), version: ECSAPI.version,
            credentials: StaticCredentialProvider(
                accessKeyId: keys.accessKeyId, accessKeySecret: secret ?? keys.accessKeySecret,
                securityToken: keys.securityToken),
            transport: EmulatorTransport(emulator: emulator), retryPolicy: .none, clock: clock)
        client = ECSClient(rpc: rpc)
    }

    /// The calls that reached a handler so far.
    var calls: [Emulator.Call] { recorded.calls.withLock { $0 } }

    /// The parameters of each call of `action` so far.
    func parameters(of action: String) -> [[String: String]] {
        calls.filter { $0.action == action }.map(\.parameters)
    }

    private final class Recorder: Sendable {
        let calls = Mutex<[Emulator.Call]>([])
    }

    /// The sandbox world with `extraDisks` more disks, `extraInstances` more instances and `extraKeyPairs`
    /// more key pairs in cn-hangzhou: enough to need several pages.
    static func crowdedWorld(extraDisks: Int, extraInstances: Int, extraKeyPairs: Int) throws -> World {
        var world = try World.load(contentsOf: PackagePaths.sandboxWorld)
        let template = world.disks.first { $0.status(at: .distantPast) == .available }!
        for index in 0..<extraDisks {
            var disk = template
            disk.diskId = "d-crowd\(index)"
            world.disks.append(disk)
        }
        let instanceTemplate = world.instances[0]
        for index in 0..<extraInstances {
            var instance = instanceTemplate
            instance.instanceId = "i-crowd\(index)"
            world.instances.append(instance)
        }
        for index in 0..<extraKeyPairs {
            var keyPair = world.keyPairs[0]
            keyPair.keyPairName = "crowd-\(index)"
            world.keyPairs.append(keyPair)
        }
        return world
    }
}
