import AliyunCore
import ECS
import Testing

/// The Describe operations against the sandbox: filters on the wire, and the service's errors.
struct ECSClientDescribeTests {
    @Test func describeDisksSendsItsFilters() async throws {
        let sandbox = try SandboxECS()
        let all = try await sandbox.client.describeDisks(region: "cn-hangzhou")
        #expect(all.count == 22)
        #expect(all.allSatisfy { $0.regionId == "cn-hangzhou" })

        let attached = try await sandbox.client.describeDisks(region: "cn-hangzhou", instanceId: "i-bp1sandboxweb0001")
        #expect(attached.map(\.diskId) == ["d-bp1oksystem000001", "d-bp1okdataempty001", "d-bp1okdatasnap0001"])
        let available = try await sandbox.client.describeDisks(region: "cn-hangzhou", status: "Available")
        #expect(available.map(\.diskId) == ["d-bp1erravailable01"])
        _ = try await sandbox.client.describeDisks(region: "cn-shanghai", diskIds: ["d-uf6oksystem000001", "d-x"])

        let sent = sandbox.parameters(of: "DescribeDisks")
        #expect(sent[0] == ["RegionId": "cn-hangzhou", "PageNumber": "1", "PageSize": "100"])
        #expect(sent[1]["InstanceId"] == "i-bp1sandboxweb0001")
        #expect(sent[2]["Status"] == "Available")
        #expect(sent[3]["DiskIds"] == #"["d-uf6oksystem000001","d-x"]"#)
    }

    @Test func describeInstancesSendsItsFilters() async throws {
        let sandbox = try SandboxECS()
        let all = try await sandbox.client.describeInstances(region: "cn-hangzhou")
        #expect(all.count == 13)
        let running = try await sandbox.client.describeInstances(region: "cn-hangzhou", status: "Running")
        #expect(running.map(\.instanceId) == ["i-bp1running0000001"])
        _ = try await sandbox.client.describeInstances(region: "cn-hangzhou", instanceIds: ["i-bp1locked00000001"])
        let sent = sandbox.parameters(of: "DescribeInstances")
        #expect(sent[1]["Status"] == "Running")
        #expect(sent[2]["InstanceIds"] == #"["i-bp1locked00000001"]"#)
    }

    @Test func describeKeyPairsAsksForFiftyAPage() async throws {
        let sandbox = try SandboxECS()
        let shanghai = try await sandbox.client.describeKeyPairs(region: "cn-shanghai")
        #expect(shanghai.map(\.keyPairName) == ["shanghai-ops"])
        #expect(
            sandbox.parameters(of: "DescribeKeyPairs") == [
                ["RegionId": "cn-shanghai", "PageNumber": "1", "PageSize": "50"]
            ])
    }

    @Test func anEmptyListIsNoError() async throws {
        let sandbox = try SandboxECS()
        #expect(try await sandbox.client.describeDisks(region: "ap-southeast-1").isEmpty)
        #expect(try await sandbox.client.describeDisks(region: "cn-hangzhou", diskIds: []).isEmpty)
        #expect(try await sandbox.client.describeKeyPairs(region: "ap-southeast-1").isEmpty)
    }

    /// One service error per operation, passed through as the `ServiceError` the request core made.
    @Test func serviceErrorsPassThrough() async throws {
        let sandbox = try SandboxECS()
        let client = sandbox.client
        await #expect(throws: ServiceError.self) { try await client.describeDisks(region: "xx-nowhere-1") }
        try await expectCode("InvalidRegionId.NotFound") { try await client.describeDisks(region: "xx-nowhere-1") }
        try await expectCode("InvalidStatus.ValueNotSupported") {
            try await client.describeDisks(region: "cn-hangzhou", status: "Broken")
        }
        try await expectCode("InvalidRegionId.NotFound") { try await client.describeInstances(region: "xx-nowhere-1") }
        try await expectCode("InvalidStatus.NotFound") {
            try await client.describeInstances(region: "cn-hangzhou", status: "Broken")
        }
        try await expectCode("InvalidRegionId.NotFound") { try await client.describeKeyPairs(region: "xx-nowhere-1") }
        let refused = try SandboxECS(secret: "not-the-secret")
        try await expectCode("SignatureDoesNotMatch") { try await refused.client.describeRegions() }
    }
}
