import AliyunCore
import ECSEmulator
import Foundation
import TestSupport
import Testing

struct DescribeRegionsAndKeyPairsTests {
    @Test func regionsWithTheirEndpoints() throws {
        var world = try Fixture.sandbox()
        let body = try Fixture.call(DescribeRegionsHandler(), [:], in: &world, clock: Fixture.clock())
        let regions = try #require(Fixture.items(body, "Regions", "Region"))
        #expect(regions.map { $0["RegionId"]?.stringValue } == ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"])
        #expect(
            regions.map { $0["RegionEndpoint"]?.stringValue } == [
                "ecs-cn-hangzhou.aliyuncs.com", "ecs.cn-shanghai.aliyuncs.com", "ecs.ap-southeast-1.aliyuncs.com",
            ])
        #expect(regions[0]["LocalName"] == .string("华东1（杭州）"))
        #expect(regions[0]["Status"] == .string("available"))
    }

    @Test func anEmptyWorldHasAWrappedEmptyRegionList() throws {
        var world = World()
        let body = try Fixture.call(DescribeRegionsHandler(), [:], in: &world, clock: Fixture.clock())
        #expect(body == ["Regions": .object(["Region": .array([])])])
    }

    func keyPairs(_ parameters: [String: String]) throws -> [String: JSONValue] {
        var world = try Fixture.sandbox()
        return try Fixture.call(DescribeKeyPairsHandler(), parameters, in: &world, clock: Fixture.clock())
    }

    @Test(arguments: [
        (["RegionId": "cn-hangzhou"], ["ecsh-demo", "deploy-key", "JoshuaCentOS"]),
        (["RegionId": "cn-hangzhou", "KeyPairName": "*-*"], ["ecsh-demo", "deploy-key"]),
        (["RegionId": "cn-hangzhou", "KeyPairName": "Joshua*"], ["JoshuaCentOS"]),
        (["RegionId": "cn-hangzhou", "KeyPairName": "*key"], ["deploy-key"]),
        (["RegionId": "cn-hangzhou", "KeyPairName": "deploy-key"], ["deploy-key"]),
        (["RegionId": "cn-hangzhou", "KeyPairName": "deploy"], []),
        (["RegionId": "cn-hangzhou", "PageSize": "2", "PageNumber": "2"], ["JoshuaCentOS"]),
        (["RegionId": "cn-shanghai"], ["shanghai-ops"]),
        (["RegionId": "ap-southeast-1"], []),
    ])
    func keyPairFilters(_ parameters: [String: String], _ expected: [String]) throws {
        let body = try keyPairs(parameters)
        let pairs = try #require(Fixture.items(body, "KeyPairs", "KeyPair"))
        #expect(pairs.map { $0["KeyPairName"]?.stringValue } == expected)
        #expect(pairs.allSatisfy { ($0["KeyPairFingerPrint"]?.stringValue?.count ?? 0) == 47 })
    }

    @Test func keyPairPagingDefaultsAndLimits() throws {
        let body = try keyPairs(["RegionId": "cn-hangzhou"])
        #expect(body["TotalCount"] == .integer(3))
        #expect(body["PageNumber"] == .integer(1))
        #expect(body["PageSize"] == .integer(10))
        #expect((try? keyPairs(["RegionId": "cn-hangzhou", "PageSize": "50"])) != nil)
        #expect(
            throws: APIError(
                code: "InvalidParameter", message: "The specified parameter \"PageSize\" is not valid.", httpStatus: 400
            )
        ) { try keyPairs(["RegionId": "cn-hangzhou", "PageSize": "51"]) }
        #expect(throws: APIError.self) { try keyPairs([:]) }
    }

    @Test func fingerPrintFilterAndStability() throws {
        let first = try #require(Fixture.items(try keyPairs(["RegionId": "cn-hangzhou"]), "KeyPairs", "KeyPair")?.first)
        let print = try #require(first["KeyPairFingerPrint"]?.stringValue)
        let again = try keyPairs(["RegionId": "cn-hangzhou", "KeyPairFingerPrint": print])
        #expect(Fixture.items(again, "KeyPairs", "KeyPair")?.map { $0["KeyPairName"] } == [.string("ecsh-demo")])
    }
}
