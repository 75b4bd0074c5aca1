public import AliyunCore

/// A disk as DescribeDisks returns it: the fields ecsh uses, and the whole object in `raw`.
public struct Disk: Sendable, Equatable {
    public let diskId: String
    public let regionId: String
    public let zoneId: String
    /// `system` or `data`.
    public let type: String
    /// `cloud_essd`, `cloud_ssd`, `ephemeral_ssd`, …
    public let category: String
    /// GiB.
    public let size: Int
    /// `In_use`, `Available`, `ReIniting`, … (`ECSAPI.diskStatuses`).
    public let status: String
    /// The instance it is attached to; `nil` when it is not attached (the API sends an empty string).
    public let instanceId: String?
    public let device: String?
    /// The image a system disk was made from.
    public let imageId: String?
    /// The snapshot a data disk was made from.
    public let sourceSnapshotId: String?
    public let diskName: String?
    public let portable: Bool?
    public let deleteWithInstance: Bool?
    /// The object as the API sent it, for a JSON output mode.
    public let raw: JSONValue

    public init(json: JSONValue) throws(ModelDecodingError) {
        let fields = try FieldReader(json, model: "Disk")
        diskId = try fields.string("DiskId")
        regionId = try fields.string("RegionId")
        zoneId = try fields.string("ZoneId")
        type = try fields.string("Type")
        category = try fields.string("Category")
        size = try fields.integer("Size")
        status = try fields.string("Status")
        instanceId = try fields.optionalString("InstanceId")
        device = try fields.optionalString("Device")
        imageId = try fields.optionalString("ImageId")
        sourceSnapshotId = try fields.optionalString("SourceSnapshotId")
        diskName = try fields.optionalString("DiskName")
        portable = try fields.optionalBool("Portable")
        deleteWithInstance = try fields.optionalBool("DeleteWithInstance")
        raw = json
    }

    public var isSystemDisk: Bool { type == "system" }
}
