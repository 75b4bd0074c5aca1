public import Foundation

/// A snapshot of the world file (`Snapshots[]`): where snapshot-born data disks come from.
public struct Snapshot: Sendable, Equatable, Codable {
    public var snapshotId: String
    public var regionId: String
    public var creationTime: Date
    /// Emulator-only: the snapshot was deleted, so disks made from it cannot be re-initialised.
    public var deleted: Bool

    enum CodingKeys: String, CodingKey {
        case snapshotId = "SnapshotId"
        case regionId = "RegionId"
        case creationTime = "CreationTime"
        case deleted = "Deleted"
    }

    /// Disks made from snapshots older than this cannot be re-initialised (`InvalidSnapshot.TooOld`).
    public static let oldestReInitialisable = UTCTime.parse("2013-07-15T00:00:00Z")!

    public init(snapshotId: String, regionId: String, creationTime: Date, deleted: Bool = false) {
        self.snapshotId = snapshotId
        self.regionId = regionId
        self.creationTime = creationTime
        self.deleted = deleted
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        snapshotId = try container.decode(String.self, forKey: .snapshotId)
        regionId = try container.decode(String.self, forKey: .regionId)
        creationTime = try container.decodeTime(.creationTime)
        deleted = try container.decode(.deleted, default: false)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(snapshotId, forKey: .snapshotId)
        try container.encode(regionId, forKey: .regionId)
        try container.encodeTime(creationTime, forKey: .creationTime)
        try container.encode(deleted, forKey: .deleted)
    }

    public var isTooOld: Bool { creationTime < Self.oldestReInitialisable }
}
