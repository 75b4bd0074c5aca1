import Foundation

/// The emulated account's resources: what the world file describes, plus what calls have changed.
///
/// A value: handlers receive it `inout` and change it under the caller's lock. Entries keep the order
/// of the world file, which is also the order Describe* calls list them in.
public struct World: Sendable, Equatable {
    public var accounts: [Account]
    public var regions: [Region]
    public var images: [Image]
    public var snapshots: [Snapshot]
    public var keyPairs: [KeyPair]
    public var instances: [Instance]
    public var disks: [Disk]
    public var timing: Timing

    public init(
        accounts: [Account] = [], regions: [Region] = [], images: [Image] = [], snapshots: [Snapshot] = [],
        keyPairs: [KeyPair] = [], instances: [Instance] = [], disks: [Disk] = [], timing: Timing = Timing()
    ) {
        self.accounts = accounts
        self.regions = regions
        self.images = images
        self.snapshots = snapshots
        self.keyPairs = keyPairs
        self.instances = instances
        self.disks = disks
        self.timing = timing
    }

    public func account(accessKeyId: String) -> Account? {
        accounts.first { $0.accessKeyId == accessKeyId }
    }

    public func region(_ regionId: String) -> Region? {
        regions.first { $0.regionId == regionId }
    }

    public func diskIndex(_ diskId: String) -> Int? {
        disks.firstIndex { $0.diskId == diskId }
    }

    public func instanceIndex(_ instanceId: String) -> Int? {
        instances.firstIndex { $0.instanceId == instanceId }
    }

    public func image(_ imageId: String, in regionId: String) -> Image? {
        images.first { $0.imageId == imageId && $0.regionId == regionId }
    }

    public func snapshot(_ snapshotId: String) -> Snapshot? {
        snapshots.first { $0.snapshotId == snapshotId }
    }

    public func keyPair(_ name: String, in regionId: String) -> KeyPair? {
        keyPairs.first { $0.keyPairName == name && $0.regionId == regionId }
    }

    /// The disks attached to an instance, in world order.
    public func disks(attachedTo instanceId: String) -> [Disk] {
        disks.filter { $0.instanceId == instanceId }
    }
}

extension World: Codable {
    enum CodingKeys: String, CodingKey {
        case accounts = "Accounts"
        case regions = "Regions"
        case images = "Images"
        case snapshots = "Snapshots"
        case keyPairs = "KeyPairs"
        case instances = "Instances"
        case disks = "Disks"
        case timing = "Timing"
    }

    /// Every top-level member may be left out: lists default to empty, `Timing` to 5/3/3 seconds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            accounts: try container.decode(.accounts, default: []),
            regions: try container.decode(.regions, default: []),
            images: try container.decode(.images, default: []),
            snapshots: try container.decode(.snapshots, default: []),
            keyPairs: try container.decode(.keyPairs, default: []),
            instances: try container.decode(.instances, default: []),
            disks: try container.decode(.disks, default: []),
            timing: try container.decode(.timing, default: Timing()))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accounts, forKey: .accounts)
        try container.encode(regions, forKey: .regions)
        try container.encode(images, forKey: .images)
        try container.encode(snapshots, forKey: .snapshots)
        try container.encode(keyPairs, forKey: .keyPairs)
        try container.encode(instances, forKey: .instances)
        try container.encode(disks, forKey: .disks)
        try container.encode(timing, forKey: .timing)
    }
}
