import AliyunCore
import ECSEmulator
import Foundation
import TestSupport
import Testing

struct DescribeDisksTests {
    func describe(_ parameters: [String: String], in world: inout World) throws(APIError) -> [String: JSONValue] {
        try Fixture.call(DescribeDisksHandler(), parameters, in: &world, clock: Fixture.clock())
    }

    func ids(_ body: [String: JSONValue]) -> [String] {
        (Fixture.items(body, "Disks", "Disk") ?? []).compactMap { $0["DiskId"]?.stringValue }
    }

    @Test func pagingDefaultsToTheFirstTen() throws {
        var world = try Fixture.sandbox()
        let body = try describe(["RegionId": "cn-hangzhou"], in: &world)
        #expect(body["TotalCount"] == .integer(22))
        #expect(body["PageNumber"] == .integer(1))
        #expect(body["PageSize"] == .integer(10))
        #expect(ids(body) == world.disks.prefix(10).map(\.diskId))
    }

    @Test(arguments: [(1, 10, 10), (3, 10, 2), (4, 10, 0), (1, 100, 22), (2, 7, 7), (999_999_999_999, 100, 0)])
    func pages(_ number: Int, _ size: Int, _ count: Int) throws {
        var world = try Fixture.sandbox()
        let body = try describe(
            ["RegionId": "cn-hangzhou", "PageNumber": "\(number)", "PageSize": "\(size)"], in: &world)
        #expect(body["TotalCount"] == .integer(22))
        #expect(body["PageNumber"] == .integer(number))
        #expect(body["PageSize"] == .integer(size))
        #expect(Fixture.items(body, "Disks", "Disk")?.count == count)
    }

    @Test(arguments: [
        ("PageSize", "101"), ("PageSize", "0"), ("PageSize", "-1"), ("PageSize", "ten"), ("PageSize", "1.5"),
        ("PageNumber", "0"), ("PageNumber", "x"), ("PageNumber", "99999999999999999999999"),
    ])
    func pagingOutOfRange(_ name: String, _ value: String) throws {
        var world = try Fixture.sandbox()
        #expect(
            throws: APIError(
                code: "InvalidParameter", message: "The specified parameter \"\(name)\" is not valid.", httpStatus: 400)
        ) { try describe(["RegionId": "cn-hangzhou", name: value], in: &world) }
    }

    @Test(arguments: [
        (["DiskIds": "[\"d-bp1oksystem000001\",\"d-bp1okdataempty001\",\"d-nope\"]"], 2),
        (["DiskIds": "[]"], 0),
        (["DiskIds": "[\"d-uf6oksystem000001\"]"], 0),  // another region's disk
        (["InstanceId": "i-bp1sandboxweb0001"], 3),
        (["InstanceId": "i-bp1sandboxweb0001", "DiskType": "data"], 2),
        (["DiskType": "system"], 13),
        (["DiskType": "all"], 22),
        (["DiskType": "DATA"], 9),
        (["Category": "ephemeral_ssd"], 1),
        (["Category": "cloud_ssd"], 1),
        (["Category": "all"], 22),
        (["Status": "Available"], 1),
        (["Status": "in_use"], 21),
        (["Status": "All"], 22),
        (["Status": "ReIniting"], 0),
        (["ZoneId": "cn-hangzhou-i"], 1),
        (["SnapshotId": "s-bp1appdata00000001"], 1),
        (["DiskName": "error-locked-instance"], 1),
    ])
    func filters(_ filter: [String: String], _ count: Int) throws {
        var world = try Fixture.sandbox()
        let body = try describe(
            filter.merging(["RegionId": "cn-hangzhou", "PageSize": "100"]) { a, _ in a }, in: &world)
        #expect(body["TotalCount"] == .integer(count))
        #expect(Fixture.items(body, "Disks", "Disk")?.count == count)
    }

    @Test func anEmptyRegionAnswersAWrappedEmptyList() throws {
        var world = try Fixture.sandbox()
        let body = try describe(["RegionId": "ap-southeast-1"], in: &world)
        #expect(body["TotalCount"] == .integer(0))
        #expect(body["Disks"] == .object(["Disk": .array([])]))
    }

    @Test(arguments: [
        (
            ["RegionId": "cn-hangzhou", "DiskIds": "d-bp1oksystem000001"],
            APIError(
                code: "InvalidParameter.DiskIds", message: "The specified parameter diskIds is not valid.",
                httpStatus: 400)
        ),
        (
            ["RegionId": "cn-hangzhou", "DiskIds": "[1, 2]"],
            APIError(
                code: "InvalidParameter.DiskIds", message: "The specified parameter diskIds is not valid.",
                httpStatus: 400)
        ),
        (
            ["RegionId": "cn-hangzhou", "DiskIds": "[\"d-1\""],
            APIError(
                code: "InvalidParameter.DiskIds", message: "The specified parameter diskIds is not valid.",
                httpStatus: 400)
        ),
        (
            ["RegionId": "cn-hangzhou", "DiskIds": "[" + (1...101).map { "\"d-\($0)\"" }.joined(separator: ",") + "]"],
            APIError(
                code: "InvalidDiskIds.Malformed", message: "The amount of specified disk Ids exceeds the limit.",
                httpStatus: 403)
        ),
        (
            ["RegionId": "cn-hangzhou", "DiskType": "root"],
            APIError(
                code: "InvalidDiskType.ValueNotSupported", message: "The specified disk type is not supported.",
                httpStatus: 400)
        ),
        (
            ["RegionId": "cn-hangzhou", "Category": "floppy"],
            APIError(
                code: "InvalidCategory.ValueNotSupported", message: "The specified disk category is not supported.",
                httpStatus: 400)
        ),
        (
            ["RegionId": "cn-hangzhou", "Status": "Broken"],
            APIError(
                code: "InvalidStatus.ValueNotSupported", message: "The specified disk status is not supported.",
                httpStatus: 400)
        ),
        (
            ["RegionId": "cn-hangzhou", "ZoneId": "cn-shanghai-e"],
            APIError(
                code: "InvalidZoneId.NotFound", message: "The zoneId provided does not exist in our records.",
                httpStatus: 400)
        ),
        (
            ["RegionId": "cn-atlantis"],
            APIError(
                code: "InvalidRegionId.NotFound", message: "The specified RegionId does not exist.", httpStatus: 404)
        ),
        (
            [:],
            APIError(
                code: "MissingParameter",
                message:
                    "The input parameter \"RegionId\" that is mandatory for processing this request is not supplied.",
                httpStatus: 400)
        ),
    ])
    func refuses(_ parameters: [String: String], _ error: APIError) throws {
        var world = try Fixture.sandbox()
        #expect(throws: error) { try describe(parameters, in: &world) }
    }

    @Test func fieldsHaveTheAPIsNamesAndTypes() throws {
        var world = try Fixture.sandbox()
        let body = try describe(
            [
                "RegionId": "cn-hangzhou",
                "DiskIds": "[\"d-bp1okdatasnap0001\",\"d-bp1errmultiattach\",\"d-bp1erravailable01\"]",
            ],
            in: &world)
        let disks = try #require(Fixture.items(body, "Disks", "Disk"))
        try #require(disks.count == 3)
        let fromSnapshot = disks[0]
        #expect(fromSnapshot["DiskId"] == .string("d-bp1okdatasnap0001"))
        #expect(fromSnapshot["RegionId"] == .string("cn-hangzhou"))
        #expect(fromSnapshot["ZoneId"] == .string("cn-hangzhou-h"))
        #expect(fromSnapshot["Type"] == .string("data"))
        #expect(fromSnapshot["Category"] == .string("cloud_essd"))
        #expect(fromSnapshot["Size"] == .integer(100))
        #expect(fromSnapshot["Status"] == .string("In_use"))
        #expect(fromSnapshot["InstanceId"] == .string("i-bp1sandboxweb0001"))
        #expect(fromSnapshot["Device"] == .string("/dev/xvdc"))
        #expect(fromSnapshot["ImageId"] == .string(""))
        #expect(fromSnapshot["SourceSnapshotId"] == .string("s-bp1appdata00000001"))
        #expect(fromSnapshot["DiskName"] == .string("ok-data-from-snapshot"))
        #expect(fromSnapshot["MultiAttach"] == .string("Disabled"))
        #expect(fromSnapshot["Portable"] == .bool(true))
        #expect(fromSnapshot["DeleteWithInstance"] == .bool(false))
        #expect(fromSnapshot["OperationLocks"] == .object(["OperationLock": .array([])]))
        #expect(fromSnapshot["Tags"] == .object(["Tag": .array([])]))
        #expect(disks[1]["MultiAttach"] == .string("Enabled"))
        #expect(disks[1]["MountInstanceNum"] == .integer(1))
        #expect(disks[2]["Status"] == .string("Available"))
        #expect(disks[2]["InstanceId"] == .string(""))
        #expect(disks[2]["Device"] == .string(""))
    }

    @Test func aSystemDiskShowsItsImage() throws {
        var world = try Fixture.sandbox()
        let body = try describe(["RegionId": "cn-hangzhou", "DiskIds": "[\"d-bp1oksystem000001\"]"], in: &world)
        let disk = try #require(Fixture.items(body, "Disks", "Disk")?.first)
        #expect(disk["ImageId"] == .string("aliyun_3_x64_20G_alibase_20240819.vhd"))
        #expect(disk["Portable"] == .bool(false))
        #expect(disk["DeleteWithInstance"] == .bool(true))
    }

    @Test func describingChangesNothing() throws {
        var world = try Fixture.sandbox()
        let unchanged = world
        _ = try describe(["RegionId": "cn-hangzhou"], in: &world)
        #expect(world == unchanged)
        #expect(!DescribeDisksHandler().isMutating)
    }
}
