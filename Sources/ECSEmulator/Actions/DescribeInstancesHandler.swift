public import AliyunCore

/// DescribeInstances (ECS API 2014-05-26): lists the instances of a region, filtered and paged.
///
/// Parameters: `RegionId` (required); filters `ZoneId`, `InstanceIds` (a JSON array of at most 100 ids;
/// an empty array matches nothing), `Status` (`Pending`, `Running`, `Starting`, `Stopping`, `Stopped`),
/// `InstanceName` (`*` matches any run of characters), `ImageId`, `InstanceChargeType` (`PrePaid`,
/// `PostPaid`); `PageNumber` (from 1, default 1), `PageSize` (1 to 100, default 10). Other parameters of
/// the API are accepted and ignored.
///
/// Errors: `MissingParameter` (400) without `RegionId`; `InvalidRegionId.NotFound` (404);
/// `InvalidZoneId.NotFound` (400); `InvalidInstanceIds.Malformed` (400) when `InstanceIds` is not a JSON
/// array of strings or has more than 100; `InvalidStatus.NotFound` (404);
/// `InvalidInstanceChargeType.NotFound` (404); `InvalidParameter` (400) for paging out of range.
///
/// Response: `{"TotalCount", "PageNumber", "PageSize", "Instances": {"Instance": [...]}}`, instances in
/// world order, each with its status at the time of the request.
public struct DescribeInstancesHandler: ActionHandler {
    public let action = "DescribeInstances"
    public let isMutating = false

    public init() {}

    public func handle(_ request: ActionRequest, in world: inout World) throws(APIError) -> [String: JSONValue] {
        let parameters = RequestParameters(request)
        let region = try parameters.region(in: world)
        let zoneId = try parameters.zone(of: region)
        let instanceIds = try parameters.stringList(
            "InstanceIds", limit: 100, malformed: ActionErrors.instanceIdsMalformed,
            tooMany: ActionErrors.instanceIdsMalformed)
        let status: InstanceStatus? = try parameters.value("Status", unknown: ActionErrors.instanceStatusNotFound)
        let chargeType: ChargeType? = try parameters.value(
            "InstanceChargeType", unknown: ActionErrors.instanceChargeTypeNotFound)
        let namePattern = parameters.text("InstanceName")
        let imageId = parameters.text("ImageId")
        let paging = try Paging(parameters, maxPageSize: 100)

        let now = request.now
        let matching = world.instances.filter { instance in
            instance.regionId == region.regionId
                && zoneId.map { instance.zoneId == $0 } ?? true
                && instanceIds.map { $0.contains(instance.instanceId) } ?? true
                && status.map { instance.status(at: now) == $0 } ?? true
                && chargeType.map { instance.instanceChargeType == $0 } ?? true
                && namePattern.map { Wildcard.matches($0, instance.instanceName ?? "") } ?? true
                && imageId.map { instance.imageId == $0 } ?? true
        }
        let page = paging.page(matching).map { $0.response(at: now) }
        return paging.response(total: matching.count, list: "Instances", item: "Instance", items: page)
    }
}
