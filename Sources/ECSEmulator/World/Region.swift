import AliyunCore

/// A region of the world file (`Regions[]`) and its zones.
public struct Region: Sendable, Equatable, Codable {
    public var regionId: String
    /// The name DescribeRegions shows, e.g. `华东1（杭州）`.
    public var localName: String
    public var zones: [String]
    /// The endpoint DescribeRegions shows; when absent, the one the official SDKs use for the region.
    public var regionEndpoint: String?

    enum CodingKeys: String, CodingKey {
        case regionId = "RegionId"
        case localName = "LocalName"
        case zones = "Zones"
        case regionEndpoint = "RegionEndpoint"
    }

    public init(regionId: String, localName: String, zones: [String], regionEndpoint: String? = nil) {
        self.regionId = regionId
        self.localName = localName
        self.zones = zones
        self.regionEndpoint = regionEndpoint
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        regionId = try container.decode(String.self, forKey: .regionId)
        localName = try container.decode(String.self, forKey: .localName)
        zones = try container.decode([String].self, forKey: .zones)
        regionEndpoint = try container.decodeText(.regionEndpoint)
    }

    /// `ecs-cn-hangzhou.aliyuncs.com` for cn-hangzhou, `ecs.<region>.aliyuncs.com` for most others.
    public var endpoint: String { regionEndpoint ?? Endpoint.ecs(region: regionId).host }
}
