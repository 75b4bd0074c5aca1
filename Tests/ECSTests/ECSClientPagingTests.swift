import ECS
import Testing

/// Lists longer than a page come whole, one call a page.
struct ECSClientPagingTests {
    @Test func everyPageIsFetched() async throws {
        let world = try SandboxECS.crowdedWorld(extraDisks: 250, extraInstances: 150, extraKeyPairs: 120)
        let sandbox = try SandboxECS(world: world)

        let disks = try await sandbox.client.describeDisks(region: "cn-hangzhou")
        #expect(disks.count == 272)
        #expect(Set(disks.map(\.diskId)).count == 272)
        #expect(disks.last?.diskId == "d-crowd249")
        #expect(sandbox.parameters(of: "DescribeDisks").map { $0["PageNumber"] } == ["1", "2", "3"])

        let instances = try await sandbox.client.describeInstances(region: "cn-hangzhou")
        #expect(instances.count == 163)
        #expect(sandbox.parameters(of: "DescribeInstances").map { $0["PageNumber"] } == ["1", "2"])

        let keyPairs = try await sandbox.client.describeKeyPairs(region: "cn-hangzhou")
        #expect(keyPairs.count == 123)
        #expect(sandbox.parameters(of: "DescribeKeyPairs").map { $0["PageNumber"] } == ["1", "2", "3"])
    }

    /// Exactly a page's worth: the second, empty page is not needed, `TotalCount` says so.
    @Test func aFullLastPageEndsOnTheCount() async throws {
        let world = try SandboxECS.crowdedWorld(extraDisks: 78, extraInstances: 0, extraKeyPairs: 0)
        let sandbox = try SandboxECS(world: world)
        let disks = try await sandbox.client.describeDisks(region: "cn-hangzhou")
        #expect(disks.count == 100)
        #expect(sandbox.parameters(of: "DescribeDisks").count == 1)
    }

    /// Filters go with every page.
    @Test func filtersRepeatOnEachPage() async throws {
        let world = try SandboxECS.crowdedWorld(extraDisks: 150, extraInstances: 0, extraKeyPairs: 0)
        let sandbox = try SandboxECS(world: world)
        let available = try await sandbox.client.describeDisks(region: "cn-hangzhou", status: "Available")
        #expect(available.count == 151)
        #expect(sandbox.parameters(of: "DescribeDisks").map { $0["Status"] } == ["Available", "Available"])
    }
}
