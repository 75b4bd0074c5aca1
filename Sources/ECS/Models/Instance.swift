public import AliyunCore

/// An instance as DescribeInstances returns it: the fields ecsh uses, and the whole object in `raw`.
public struct Instance: Sendable, Equatable {
    public let instanceId: String
    public let regionId: String
    public let zoneId: String
    /// `Pending`, `Running`, `Starting`, `Stopping`, `Stopped` (`ECSAPI.instanceStatuses`).
    public let status: String
    /// `linux` or `windows`.
    public let osType: String?
    public let instanceName: String?
    public let imageId: String?
    /// `PrePaid` or `PostPaid`.
    public let instanceChargeType: String?
    /// The object as the API sent it, for a JSON output mode.
    public let raw: JSONValue

    public init(json: JSONValue) throws(ModelDecodingError) {
        let fields = try FieldReader(json, model: "Instance")
        instanceId = try fields.string("InstanceId")
        regionId = try fields.string("RegionId")
        zoneId = try fields.string("ZoneId")
        status = try fields.string("Status")
        osType = try fields.optionalString("OSType")
        instanceName = try fields.optionalString("InstanceName")
        imageId = try fields.optionalString("ImageId")
        instanceChargeType = try fields.optionalString("InstanceChargeType")
        raw = json
    }

    /// Whether it runs Windows, whose password may not start with `/`.
    public var isWindows: Bool { osType?.lowercased() == "windows" }
}
