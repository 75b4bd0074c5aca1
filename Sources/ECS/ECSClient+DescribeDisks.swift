extension ECSClient {
    /// DescribeDisks: the disks of `region`, all pages, optionally only `diskIds` (at most 100), those
    /// attached to `instanceId`, or those in `status`.
    public func describeDisks(
        region: String, diskIds: [String]? = nil, instanceId: String? = nil, status: String? = nil
    ) async throws -> [Disk] {
        var parameters = ["RegionId": region]
        parameters["DiskIds"] = diskIds.map(Self.jsonArray)
        parameters["InstanceId"] = instanceId
        parameters["Status"] = status
        let items = try await allPages(
            "DescribeDisks", parameters: parameters, list: "Disks", item: "Disk", pageSize: 100)
        return try items.map { item throws(ModelDecodingError) in try Disk(json: item) }
    }
}
