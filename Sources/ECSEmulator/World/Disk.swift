public import Foundation

/// A disk of the world file (`Disks[]`).
///
/// Besides the fields DescribeDisks returns, the world file holds what the API does not show:
/// `CreatingSnapshot` (a snapshot of the disk is in progress) and `TransitionEndTime` (when a
/// `ReIniting` status ends). `MultiAttach` is a boolean here; DescribeDisks shows it as
/// `Enabled`/`Disabled`.
public struct Disk: Sendable, Equatable, Codable {
    public var diskId: String
    public var regionId: String
    public var zoneId: String
    public var type: DiskType
    public var category: DiskCategory
    /// GiB.
    public var size: Int
    public var lifecycle: DiskLifecycle
    /// The instance the disk is attached to; `nil` when it is not attached.
    public var instanceId: String?
    public var device: String?
    /// The image a system disk was made from (the record may be missing from the world on purpose).
    public var imageId: String?
    /// The snapshot a data disk was made from, if any.
    public var sourceSnapshotId: String?
    /// A shared block storage disk, attachable to several instances.
    public var multiAttach: Bool
    /// Emulator-only: a snapshot of this disk is being created (`DiskCreatingSnapshot`).
    public var creatingSnapshot: Bool
    public var diskName: String?
    public var description: String?
    public var portable: Bool
    public var deleteWithInstance: Bool
    public var diskChargeType: ChargeType
    public var encrypted: Bool
    public var creationTime: Date?
    public var attachedTime: Date?

    enum CodingKeys: String, CodingKey {
        case diskId = "DiskId"
        case regionId = "RegionId"
        case zoneId = "ZoneId"
        case type = "Type"
        case category = "Category"
        case size = "Size"
        case status = "Status"
        case transitionEndTime = "TransitionEndTime"
        case instanceId = "InstanceId"
        case device = "Device"
        case imageId = "ImageId"
        case sourceSnapshotId = "SourceSnapshotId"
        case multiAttach = "MultiAttach"
        case creatingSnapshot = "CreatingSnapshot"
        case diskName = "DiskName"
        case description = "Description"
        case portable = "Portable"
        case deleteWithInstance = "DeleteWithInstance"
        case diskChargeType = "DiskChargeType"
        case encrypted = "Encrypted"
        case creationTime = "CreationTime"
        case attachedTime = "AttachedTime"
    }

    public init(
        diskId: String, regionId: String, zoneId: String, type: DiskType, category: DiskCategory = .cloudESSD,
        size: Int, status: DiskStatus, instanceId: String? = nil, device: String? = nil, imageId: String? = nil,
        sourceSnapshotId: String? = nil, multiAttach: Bool = false, creatingSnapshot: Bool = false,
        diskName: String? = nil, description: String? = nil, portable: Bool? = nil, deleteWithInstance: Bool? = nil,
        diskChargeType: ChargeType = .postPaid, encrypted: Bool = false, creationTime: Date? = nil,
        attachedTime: Date? = nil
    ) {
        self.diskId = diskId
        self.regionId = regionId
        self.zoneId = zoneId
        self.type = type
        self.category = category
        self.size = size
        self.lifecycle = DiskLifecycle(status: status)
        self.instanceId = instanceId
        self.device = device
        self.imageId = imageId
        self.sourceSnapshotId = sourceSnapshotId
        self.multiAttach = multiAttach
        self.creatingSnapshot = creatingSnapshot
        self.diskName = diskName
        self.description = description
        self.portable = portable ?? Self.defaultPortable(type: type, category: category)
        self.deleteWithInstance = deleteWithInstance ?? (type == .system)
        self.diskChargeType = diskChargeType
        self.encrypted = encrypted
        self.creationTime = creationTime
        self.attachedTime = attachedTime
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        diskId = try container.decode(String.self, forKey: .diskId)
        regionId = try container.decode(String.self, forKey: .regionId)
        zoneId = try container.decode(String.self, forKey: .zoneId)
        type = try container.decode(DiskType.self, forKey: .type)
        category = try container.decode(DiskCategory.self, forKey: .category)
        size = try container.decode(Int.self, forKey: .size)
        lifecycle = DiskLifecycle(
            status: try container.decode(DiskStatus.self, forKey: .status),
            endsAt: try container.decodeTimeIfPresent(.transitionEndTime))
        instanceId = try container.decodeText(.instanceId)
        device = try container.decodeText(.device)
        imageId = try container.decodeText(.imageId)
        sourceSnapshotId = try container.decodeText(.sourceSnapshotId)
        multiAttach = try container.decode(.multiAttach, default: false)
        creatingSnapshot = try container.decode(.creatingSnapshot, default: false)
        diskName = try container.decodeText(.diskName)
        description = try container.decodeText(.description)
        portable = try container.decode(.portable, default: Self.defaultPortable(type: type, category: category))
        deleteWithInstance = try container.decode(.deleteWithInstance, default: type == .system)
        diskChargeType = try container.decode(.diskChargeType, default: .postPaid)
        encrypted = try container.decode(.encrypted, default: false)
        creationTime = try container.decodeTimeIfPresent(.creationTime)
        attachedTime = try container.decodeTimeIfPresent(.attachedTime)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(diskId, forKey: .diskId)
        try container.encode(regionId, forKey: .regionId)
        try container.encode(zoneId, forKey: .zoneId)
        try container.encode(type, forKey: .type)
        try container.encode(category, forKey: .category)
        try container.encode(size, forKey: .size)
        try container.encode(lifecycle.storedStatus, forKey: .status)
        try container.encodeTime(lifecycle.endsAt, forKey: .transitionEndTime)
        try container.encodeIfPresent(instanceId, forKey: .instanceId)
        try container.encodeIfPresent(device, forKey: .device)
        try container.encodeIfPresent(imageId, forKey: .imageId)
        try container.encodeIfPresent(sourceSnapshotId, forKey: .sourceSnapshotId)
        try container.encode(multiAttach, forKey: .multiAttach)
        try container.encode(creatingSnapshot, forKey: .creatingSnapshot)
        try container.encodeIfPresent(diskName, forKey: .diskName)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encode(portable, forKey: .portable)
        try container.encode(deleteWithInstance, forKey: .deleteWithInstance)
        try container.encode(diskChargeType, forKey: .diskChargeType)
        try container.encode(encrypted, forKey: .encrypted)
        try container.encodeTime(creationTime, forKey: .creationTime)
        try container.encodeTime(attachedTime, forKey: .attachedTime)
    }

    /// The status at `now` (a `ReIniting` disk is `In_use` again once its re-initialisation ends).
    public func status(at now: Date) -> DiskStatus { lifecycle.status(at: now) }

    /// Pay-as-you-go cloud data disks can be detached; system disks and local disks cannot.
    static func defaultPortable(type: DiskType, category: DiskCategory) -> Bool {
        type == .data && !category.isLocal
    }
}
