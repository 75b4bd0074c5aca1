extension ECSClient {
    /// DescribeRegions: every region the account can use (one answer, not paged).
    public func describeRegions() async throws -> [Region] {
        let answer = try await rpc.call("DescribeRegions", parameters: [:])
        let items = try FieldReader(answer, model: "DescribeRegions").list("Regions", item: "Region")
        return try items.map { item throws(ModelDecodingError) in try Region(json: item) }
    }
}
