extension ECSClient {
    /// DescribeInstances: the instances of `region`, all pages, optionally only `instanceIds` (at most
    /// 100) or those in `status`.
    public func describeInstances(
        region: String, instanceIds: [String]? = nil, status: String? = nil
    ) async throws -> [Instance] {
        var parameters = ["RegionId": region]
        parameters["InstanceIds"] = instanceIds.map(Self.jsonArray)
        parameters["Status"] = status
        let items = try await allPages(
            "DescribeInstances", parameters: parameters, list: "Instances", item: "Instance", pageSize: 100)
        return try items.map { item throws(ModelDecodingError) in try Instance(json: item) }
    }
}
