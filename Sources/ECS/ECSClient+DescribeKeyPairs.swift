extension ECSClient {
    /// DescribeKeyPairs: the SSH key pairs of `region`, all pages (the action allows 50 a page).
    public func describeKeyPairs(region: String) async throws -> [KeyPair] {
        let items = try await allPages(
            "DescribeKeyPairs", parameters: ["RegionId": region], list: "KeyPairs", item: "KeyPair", pageSize: 50)
        return try items.map { item throws(ModelDecodingError) in try KeyPair(json: item, regionId: region) }
    }
}
