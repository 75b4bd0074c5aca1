import AliyunCore
import ECS
import Testing

/// Models read from JSON: the sandbox's answers, and answers that lack what a model needs.
struct ModelDecodingTests {
    @Test func systemDiskFromTheSandbox() async throws {
        let sandbox = try SandboxECS()
        let disks = try await sandbox.client.describeDisks(region: "cn-hangzhou", diskIds: ["d-bp1oksystem000001"])
        let disk = try #require(disks.first)
        #expect(disks.count == 1)
        #expect(disk.diskId == "d-bp1oksystem000001")
        #expect(disk.regionId == "cn-hangzhou")
        #expect(disk.zoneId == "cn-hangzhou-h")
        #expect(disk.type == "system")
        #expect(disk.isSystemDisk)
        #expect(disk.category == "cloud_essd")
        #expect(disk.size == 40)
        #expect(disk.status == "In_use")
        #expect(disk.instanceId == "i-bp1sandboxweb0001")
        #expect(disk.device == "/dev/xvda")
        #expect(disk.imageId == "aliyun_3_x64_20G_alibase_20240819.vhd")
        #expect(disk.sourceSnapshotId == nil)
        #expect(disk.diskName == "ok-system-linux")
        #expect(disk.portable != nil)
        #expect(disk.deleteWithInstance != nil)
        #expect(disk.raw["DiskId"] == .string("d-bp1oksystem000001"))
        #expect(disk.raw["MultiAttach"] == .string("Disabled"))
    }

    @Test func detachedAndSnapshotBornDataDisks() async throws {
        let sandbox = try SandboxECS()
        let disks = try await sandbox.client.describeDisks(
            region: "cn-hangzhou", diskIds: ["d-bp1erravailable01", "d-bp1okdatasnap0001"])
        let available = try #require(disks.first { $0.diskId == "d-bp1erravailable01" })
        #expect(available.status == "Available")
        #expect(available.instanceId == nil)
        #expect(available.device == nil)
        #expect(available.raw["InstanceId"] == .string(""))
        let fromSnapshot = try #require(disks.first { $0.diskId == "d-bp1okdatasnap0001" })
        #expect(fromSnapshot.type == "data")
        #expect(fromSnapshot.sourceSnapshotId == "s-bp1appdata00000001")
        #expect(fromSnapshot.imageId == nil)
    }

    @Test func instancesFromTheSandbox() async throws {
        let sandbox = try SandboxECS()
        let instances = try await sandbox.client.describeInstances(
            region: "cn-hangzhou", instanceIds: ["i-bp1sandboxweb0001", "i-bp1sandboxwin0001"])
        #expect(instances.map(\.instanceId) == ["i-bp1sandboxweb0001", "i-bp1sandboxwin0001"])
        let web = instances[0]
        #expect(web.regionId == "cn-hangzhou")
        #expect(web.zoneId == "cn-hangzhou-h")
        #expect(web.status == "Stopped")
        #expect(web.osType == "linux")
        #expect(!web.isWindows)
        #expect(web.instanceName == "web-1")
        #expect(web.imageId == "aliyun_3_x64_20G_alibase_20240819.vhd")
        #expect(web.instanceChargeType == "PostPaid")
        #expect(web.raw["InstanceType"] == .string("ecs.g7.large"))
        #expect(instances[1].isWindows)
    }

    @Test func regionsAndKeyPairsFromTheSandbox() async throws {
        let sandbox = try SandboxECS()
        let regions = try await sandbox.client.describeRegions()
        #expect(regions.map(\.regionId) == ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"])
        #expect(regions[0].localName == "华东1（杭州）")
        #expect(regions[0].regionEndpoint == "ecs-cn-hangzhou.aliyuncs.com")
        #expect(regions[0].raw["Status"] == .string("available"))

        let keyPairs = try await sandbox.client.describeKeyPairs(region: "cn-hangzhou")
        #expect(keyPairs.map(\.keyPairName) == ["ecsh-demo", "deploy-key", "JoshuaCentOS"])
        #expect(keyPairs.allSatisfy { $0.regionId == "cn-hangzhou" && $0.keyPairFingerPrint != nil })
    }

    @Test(arguments: [
        ("DiskId", ModelDecodingError(model: "Disk", field: "DiskId", problem: "is missing")),
        ("Size", ModelDecodingError(model: "Disk", field: "Size", problem: "is missing")),
        ("Status", ModelDecodingError(model: "Disk", field: "Status", problem: "is missing")),
    ])
    func aDiskWithoutARequiredField(_ field: String, _ expected: ModelDecodingError) {
        guard case .object(var members) = Self.disk else { return }
        members[field] = nil
        #expect(throws: expected) { try Disk(json: .object(members)) }
    }

    @Test func lenientWhereAnswersVary() throws {
        guard case .object(var members) = Self.disk else { return }
        members["Size"] = .string("40")
        members["Portable"] = .string("True")
        members["InstanceId"] = .string("")
        let disk = try Disk(json: .object(members))
        #expect(disk.size == 40)
        #expect(disk.portable == true)
        #expect(disk.instanceId == nil)
        #expect(disk.deleteWithInstance == nil)
    }

    @Test func wrongTypesAreNamed() {
        guard case .object(var members) = Self.disk else { return }
        members["Size"] = .string("forty")
        #expect(throws: ModelDecodingError(model: "Disk", field: "Size", problem: "is not a whole number")) {
            try Disk(json: .object(members))
        }
        #expect(throws: ModelDecodingError(model: "Instance", field: "(the object)", problem: "is not a JSON object")) {
            try Instance(json: .array([]))
        }
        #expect(throws: ModelDecodingError(model: "KeyPair", field: "KeyPairName", problem: "is empty")) {
            try KeyPair(json: .object(["KeyPairName": .string("")]))
        }
    }

    @Test func errorMessageNamesModelAndField() {
        let error = ModelDecodingError(model: "Disk", field: "DiskId", problem: "is missing")
        #expect(error.description == "unexpected answer: Disk field DiskId is missing")
    }

    @Test func keyPairRegionFromTheAnswerFirst() throws {
        let own = try KeyPair(
            json: .object(["KeyPairName": .string("k"), "RegionId": .string("cn-shanghai")]), regionId: "cn-hangzhou")
        #expect(own.regionId == "cn-shanghai")
        #expect(own.keyPairFingerPrint == nil)
        let asked = try KeyPair(json: .object(["KeyPairName": .string("k")]), regionId: "cn-hangzhou")
        #expect(asked.regionId == "cn-hangzhou")
    }

    @Test func regionWithoutLocalNameIsCalledByItsId() throws {
        let region = try Region(json: .object(["RegionId": .string("cn-x")]))
        #expect(region.localName == "cn-x")
        #expect(region.regionEndpoint == nil)
    }

    static let disk: JSONValue = .object([
        "DiskId": .string("d-1"), "RegionId": .string("cn-hangzhou"), "ZoneId": .string("cn-hangzhou-h"),
        "Type": .string("data"), "Category": .string("cloud_essd"), "Size": .integer(40), "Status": .string("In_use"),
    ])
}
