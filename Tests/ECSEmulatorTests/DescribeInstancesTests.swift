import AliyunCore
import ECSEmulator
import Foundation
import TestSupport
import Testing

struct DescribeInstancesTests {
    func describe(_ parameters: [String: String], in world: inout World) throws(APIError) -> [String: JSONValue] {
        try Fixture.call(DescribeInstancesHandler(), parameters, in: &world, clock: Fixture.clock())
    }

    func names(_ body: [String: JSONValue]) -> [String] {
        (Fixture.items(body, "Instances", "Instance") ?? []).compactMap { $0["InstanceName"]?.stringValue }
    }

    @Test func pagingDefaults() throws {
        var world = try Fixture.sandbox()
        let body = try describe(["RegionId": "cn-hangzhou"], in: &world)
        #expect(body["TotalCount"] == .integer(13))
        #expect(body["PageNumber"] == .integer(1))
        #expect(body["PageSize"] == .integer(10))
        #expect(Fixture.items(body, "Instances", "Instance")?.count == 10)
        let second = try describe(["RegionId": "cn-hangzhou", "PageNumber": "2"], in: &world)
        #expect(Fixture.items(second, "Instances", "Instance")?.count == 3)
    }

    @Test(arguments: [
        (["Status": "Running"], ["app-running"]),
        (["Status": "running"], ["app-running"]),
        (["InstanceName": "*-1"], ["web-1", "win-1"]),
        (["InstanceName": "never*"], ["never-started"]),
        (["InstanceName": "*image*"], ["custom-image-host", "image-missing", "image-deleted", "shared-image-deleted"]),
        (["InstanceName": "web-1"], ["web-1"]),
        (["InstanceChargeType": "PrePaid"], ["expired-prepaid"]),
        (["InstanceIds": "[\"i-bp1locked00000001\",\"i-uf6shanghaiweb001\"]"], ["locked"]),
        (["InstanceIds": "[]"], []),
        (["ImageId": "win2022_21H2_x64_dtc_en-us_40G_alibase_20240816.vhd"], ["win-1"]),
        (["ZoneId": "cn-hangzhou-i"], []),
    ])
    func filters(_ filter: [String: String], _ expected: [String]) throws {
        var world = try Fixture.sandbox()
        let body = try describe(
            filter.merging(["RegionId": "cn-hangzhou", "PageSize": "100"]) { a, _ in a }, in: &world)
        #expect(names(body) == expected)
        #expect(body["TotalCount"] == .integer(expected.count))
    }

    @Test func anEmptyResultIsWrapped() throws {
        var world = try Fixture.sandbox()
        let body = try describe(["RegionId": "ap-southeast-1"], in: &world)
        #expect(body["Instances"] == .object(["Instance": .array([])]))
        #expect(body["TotalCount"] == .integer(0))
    }

    @Test(arguments: [
        (
            ["RegionId": "cn-hangzhou", "Status": "Sleeping"],
            APIError(code: "InvalidStatus.NotFound", message: "The specified Status is not found", httpStatus: 404)
        ),
        (
            ["RegionId": "cn-hangzhou", "InstanceChargeType": "Free"],
            APIError(
                code: "InvalidInstanceChargeType.NotFound",
                message: "The InstanceChargeType does not exist in our records",
                httpStatus: 404)
        ),
        (
            ["RegionId": "cn-hangzhou", "InstanceIds": "i-1,i-2"],
            APIError(
                code: "InvalidInstanceIds.Malformed", message: "The specified InstanceIds is not valid.",
                httpStatus: 400)
        ),
        (
            [
                "RegionId": "cn-hangzhou",
                "InstanceIds": "[" + (1...101).map { "\"i-\($0)\"" }.joined(separator: ",") + "]",
            ],
            APIError(
                code: "InvalidInstanceIds.Malformed", message: "The specified InstanceIds is not valid.",
                httpStatus: 400)
        ),
        (
            ["RegionId": "cn-hangzhou", "PageSize": "101"],
            APIError(
                code: "InvalidParameter", message: "The specified parameter \"PageSize\" is not valid.", httpStatus: 400
            )
        ),
        (
            ["RegionId": "xx"],
            APIError(
                code: "InvalidRegionId.NotFound", message: "The specified RegionId does not exist.", httpStatus: 404)
        ),
        (
            ["RegionId": ""],
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
            ["RegionId": "cn-hangzhou", "InstanceIds": "[\"i-bp1sandboxwin0001\",\"i-bp1locked00000001\"]"], in: &world)
        let instances = try #require(Fixture.items(body, "Instances", "Instance"))
        try #require(instances.count == 2)
        let windows = instances[0]
        #expect(windows["InstanceId"] == .string("i-bp1sandboxwin0001"))
        #expect(windows["InstanceName"] == .string("win-1"))
        #expect(windows["RegionId"] == .string("cn-hangzhou"))
        #expect(windows["ZoneId"] == .string("cn-hangzhou-h"))
        #expect(windows["Status"] == .string("Stopped"))
        #expect(windows["OSType"] == .string("windows"))
        #expect(windows["InstanceChargeType"] == .string("PostPaid"))
        #expect(windows["ImageId"] == .string("win2022_21H2_x64_dtc_en-us_40G_alibase_20240816.vhd"))
        #expect(windows["IoOptimized"] == .bool(true))
        #expect(windows["OperationLocks"] == .object(["LockReason": .array([])]))
        #expect(
            instances[1]["OperationLocks"]
                == .object(["LockReason": .array([.object(["LockReason": .string("security")])])]))
    }
}
