public import AliyunCore

/// DescribeRegions (ECS API 2014-05-26): the world's regions with their names and endpoints.
///
/// Parameters `AcceptLanguage`, `InstanceChargeType` and `ResourceType` are accepted and ignored: every
/// region of the world is listed, with its `LocalName` as the world file gives it.
///
/// Response: `{"Regions": {"Region": [{"RegionId", "LocalName", "RegionEndpoint", "Status"}]}}`; the
/// endpoint is the one the official SDKs use (`ecs-cn-hangzhou.aliyuncs.com` for cn-hangzhou,
/// `ecs.<region>.aliyuncs.com` for most others) unless the world names one.
public struct DescribeRegionsHandler: ActionHandler {
    public let action = "DescribeRegions"
    public let isMutating = false

    public init() {}

    public func handle(_ request: ActionRequest, in world: inout World) throws(APIError) -> [String: JSONValue] {
        let regions: [JSONValue] = world.regions.map { region in
            .object([
                "RegionId": .string(region.regionId),
                "LocalName": .string(region.localName),
                "RegionEndpoint": .string(region.endpoint),
                "Status": .string("available"),
            ])
        }
        return ["Regions": .object(["Region": .array(regions)])]
    }
}
