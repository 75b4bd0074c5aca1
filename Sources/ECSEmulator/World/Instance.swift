public import Foundation

/// An instance of the world file (`Instances[]`).
///
/// Besides the fields DescribeInstances returns, the world file holds the states the API does not show:
/// `EverStarted`, `LockedForSecurity`, `ExpiredOrInArrears`, and `TransitionEndTime` (when a
/// `Starting` or `Stopping` status ends).
public struct Instance: Sendable, Equatable, Codable {
    public var instanceId: String
    public var regionId: String
    public var zoneId: String
    public var lifecycle: InstanceLifecycle
    public var osType: OSType
    public var instanceChargeType: ChargeType
    /// Emulator-only: locked for security reasons (`InstanceLockedForSecurity`).
    public var lockedForSecurity: Bool
    /// Emulator-only: a prepaid instance past its term, or a pay-as-you-go one in arrears.
    public var expiredOrInArrears: Bool
    public var instanceName: String?
    public var imageId: String?
    public var instanceType: String?
    /// Whether the instance is I/O optimised; SSD-backed cloud disks need that. Defaults to `true`.
    public var ioOptimized: Bool
    public var keyPairName: String?
    public var description: String?
    public var creationTime: Date?

    enum CodingKeys: String, CodingKey {
        case instanceId = "InstanceId"
        case regionId = "RegionId"
        case zoneId = "ZoneId"
        case status = "Status"
        case transitionEndTime = "TransitionEndTime"
        case everStarted = "EverStarted"
        case osType = "OSType"
        case instanceChargeType = "InstanceChargeType"
        case lockedForSecurity = "LockedForSecurity"
        case expiredOrInArrears = "ExpiredOrInArrears"
        case instanceName = "InstanceName"
        case imageId = "ImageId"
        case instanceType = "InstanceType"
        case ioOptimized = "IoOptimized"
        case keyPairName = "KeyPairName"
        case description = "Description"
        case creationTime = "CreationTime"
    }

    public init(
        instanceId: String, regionId: String, zoneId: String, status: InstanceStatus, everStarted: Bool = true,
        osType: OSType = .linux, instanceChargeType: ChargeType = .postPaid, lockedForSecurity: Bool = false,
        expiredOrInArrears: Bool = false, instanceName: String? = nil, imageId: String? = nil,
        instanceType: String? = nil, ioOptimized: Bool = true, keyPairName: String? = nil,
        description: String? = nil, creationTime: Date? = nil
    ) {
        self.instanceId = instanceId
        self.regionId = regionId
        self.zoneId = zoneId
        self.lifecycle = InstanceLifecycle(status: status, everStarted: everStarted)
        self.osType = osType
        self.instanceChargeType = instanceChargeType
        self.lockedForSecurity = lockedForSecurity
        self.expiredOrInArrears = expiredOrInArrears
        self.instanceName = instanceName
        self.imageId = imageId
        self.instanceType = instanceType
        self.ioOptimized = ioOptimized
        self.keyPairName = keyPairName
        self.description = description
        self.creationTime = creationTime
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        instanceId = try container.decode(String.self, forKey: .instanceId)
        regionId = try container.decode(String.self, forKey: .regionId)
        zoneId = try container.decode(String.self, forKey: .zoneId)
        let status = try container.decode(InstanceStatus.self, forKey: .status)
        lifecycle = InstanceLifecycle(
            status: status, endsAt: try container.decodeTimeIfPresent(.transitionEndTime),
            everStarted: try container.decode(.everStarted, default: status != .pending))
        osType = try container.decode(OSType.self, forKey: .osType)
        instanceChargeType = try container.decode(ChargeType.self, forKey: .instanceChargeType)
        lockedForSecurity = try container.decode(.lockedForSecurity, default: false)
        expiredOrInArrears = try container.decode(.expiredOrInArrears, default: false)
        instanceName = try container.decodeText(.instanceName)
        imageId = try container.decodeText(.imageId)
        instanceType = try container.decodeText(.instanceType)
        ioOptimized = try container.decode(.ioOptimized, default: true)
        keyPairName = try container.decodeText(.keyPairName)
        description = try container.decodeText(.description)
        creationTime = try container.decodeTimeIfPresent(.creationTime)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(instanceId, forKey: .instanceId)
        try container.encode(regionId, forKey: .regionId)
        try container.encode(zoneId, forKey: .zoneId)
        try container.encode(lifecycle.storedStatus, forKey: .status)
        try container.encodeTime(lifecycle.endsAt, forKey: .transitionEndTime)
        try container.encode(lifecycle.everStarted, forKey: .everStarted)
        try container.encode(osType, forKey: .osType)
        try container.encode(instanceChargeType, forKey: .instanceChargeType)
        try container.encode(lockedForSecurity, forKey: .lockedForSecurity)
        try container.encode(expiredOrInArrears, forKey: .expiredOrInArrears)
        try container.encodeIfPresent(instanceName, forKey: .instanceName)
        try container.encodeIfPresent(imageId, forKey: .imageId)
        try container.encodeIfPresent(instanceType, forKey: .instanceType)
        try container.encode(ioOptimized, forKey: .ioOptimized)
        try container.encodeIfPresent(keyPairName, forKey: .keyPairName)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeTime(creationTime, forKey: .creationTime)
    }

    /// The status at `now` (transitional states end by themselves).
    public func status(at now: Date) -> InstanceStatus { lifecycle.status(at: now) }
}
