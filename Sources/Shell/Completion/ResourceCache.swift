import AliyunCore
import ECS
import Foundation

/// The account's ids that Tab completes: disks, instances and key pairs per target and region, regions per
/// target. Kept for `ttl` seconds (`refresh` forgets them sooner); a fetch is waited for at most
/// `timeLimit` seconds, after which completion goes on with what is cached and the fetch fills the
/// cache in the background.
final class ResourceCache: Sendable {
    private let disks: ResourceSlot<[Disk]>
    private let instances: ResourceSlot<[Instance]>
    private let keyPairs: ResourceSlot<[String]>
    private let regions: ResourceSlot<[String]>

    init(ttl: TimeInterval = 60, timeLimit: TimeInterval = 1, clock: any Clock = SystemClock()) {
        disks = ResourceSlot(ttl: ttl, timeLimit: timeLimit, clock: clock)
        instances = ResourceSlot(ttl: ttl, timeLimit: timeLimit, clock: clock)
        keyPairs = ResourceSlot(ttl: ttl, timeLimit: timeLimit, clock: clock)
        regions = ResourceSlot(ttl: ttl, timeLimit: timeLimit, clock: clock)
    }

    /// The disks of the connection's region, as DescribeDisks lists them; empty when not known (yet).
    func disks(for connection: Connection) -> [Disk] {
        let client = connection.client
        let region = connection.region
        return disks.value(for: Self.key(connection)) { try await client.describeDisks(region: region) } ?? []
    }

    /// The disk ids of the connection's region, as DescribeDisks lists them.
    func diskIds(for connection: Connection) -> [String] {
        disks(for: connection).map(\.diskId)
    }

    /// The instances of the connection's region; empty when not known (yet).
    func instances(for connection: Connection) -> [Instance] {
        let client = connection.client
        let region = connection.region
        return instances.value(for: Self.key(connection)) {
            try await client.describeInstances(region: region)
        } ?? []
    }

    /// The instance ids of the connection's region.
    func instanceIds(for connection: Connection) -> [String] {
        instances(for: connection).map(\.instanceId)
    }

    /// The key pair names of the connection's region; empty when not known (yet).
    func keyPairNames(for connection: Connection) -> [String] {
        let client = connection.client
        let region = connection.region
        return keyPairs.value(for: Self.key(connection)) {
            try await client.describeKeyPairs(region: region).map(\.keyPairName)
        } ?? []
    }

    /// The regions the target offers; the public regions when it cannot say.
    func regionIds(for connection: Connection) -> [String] {
        let client = connection.client
        let listed = regions.value(for: Self.targetKey(connection)) {
            try await client.describeRegions().map(\.regionId)
        }
        guard let listed, !listed.isEmpty else { return KnownRegions.ids }
        return listed
    }

    /// Forgets everything, for `refresh`.
    func clear() {
        disks.clear()
        instances.clear()
        keyPairs.clear()
        regions.clear()
    }

    /// The same ids whatever the region: the target, and who it is (a profile sees its own account).
    private static func targetKey(_ connection: Connection) -> String {
        "\(connection.target) \(connection.name) \(connection.endpoint)"
    }

    private static func key(_ connection: Connection) -> String {
        targetKey(connection) + " " + connection.region
    }
}
