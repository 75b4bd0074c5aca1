public import AliyunCore

/// DescribeDisks (ECS API 2014-05-26): lists the disks of a region, filtered and paged.
///
/// Parameters: `RegionId` (required); filters `ZoneId`, `DiskIds` (a JSON array of at most 100 ids;
/// an empty array matches nothing), `InstanceId`, `DiskType` (`all`, `system`, `data`), `Category`
/// (`all` or a category), `Status` (`All` or a status), `SnapshotId`, `DiskName`; `PageNumber`
/// (from 1, default 1), `PageSize` (1 to 100, default 10). Filter values are compared without regard to
/// case. Other parameters of the API are accepted and ignored.
///
/// Errors: `MissingParameter` (400) without `RegionId`; `InvalidRegionId.NotFound` (404) for a region the
/// world lacks; `InvalidZoneId.NotFound` (400) for a zone not in the region; `InvalidParameter.DiskIds` (400)
/// when `DiskIds` is not a JSON array of strings, `InvalidDiskIds.Malformed` (403) for more than 100;
/// `InvalidDiskType.ValueNotSupported`, `InvalidCategory.ValueNotSupported`,
/// `InvalidStatus.ValueNotSupported` (400) for values outside their sets; `InvalidParameter` (400) for a
/// page number or size out of range.
///
/// Response: `{"TotalCount", "PageNumber", "PageSize", "Disks": {"Disk": [...]}}`, disks in world order,
/// each with its status at the time of the request.
public struct DescribeDisksHandler: ActionHandler {
    public let action = "DescribeDisks"
    public let isMutating = false

    public init() {}

    public func handle(_ request: ActionRequest, in world: inout World) throws(APIError) -> [String: JSONValue] {
        let parameters = RequestParameters(request)
        let region = try parameters.region(in: world)
        let zoneId = try parameters.zone(of: region)
        let diskIds = try parameters.stringList(
            "DiskIds", limit: 100, malformed: ActionErrors.diskIdsNotValid, tooMany: ActionErrors.tooManyDiskIds)
        let diskType: DiskType? = try parameters.value(
            "DiskType", allowingAll: true, unknown: ActionErrors.diskTypeNotSupported)
        let category: DiskCategory? = try parameters.value(
            "Category", allowingAll: true, unknown: ActionErrors.diskCategoryValueNotSupported)
        let status: DiskStatus? = try parameters.value(
            "Status", allowingAll: true, unknown: ActionErrors.diskStatusNotSupported)
        let instanceId = parameters.text("InstanceId")
        let snapshotId = parameters.text("SnapshotId")
        let diskName = parameters.text("DiskName")
        let paging = try Paging(parameters, maxPageSize: 100)

        let now = request.now
        let matching = world.disks.filter { disk in
            disk.regionId == region.regionId
                && zoneId.map { disk.zoneId == $0 } ?? true
                && diskIds.map { $0.contains(disk.diskId) } ?? true
                && instanceId.map { disk.instanceId == $0 } ?? true
                && diskType.map { disk.type == $0 } ?? true
                && category.map { disk.category == $0 } ?? true
                && status.map { disk.status(at: now) == $0 } ?? true
                && snapshotId.map { disk.sourceSnapshotId == $0 } ?? true
                && diskName.map { disk.diskName == $0 } ?? true
        }
        let page = paging.page(matching).map { $0.response(at: now) }
        return paging.response(total: matching.count, list: "Disks", item: "Disk", items: page)
    }
}
