import AliyunCore
import ECSEmulator
import Foundation
import TestSupport
import Testing

/// The sandbox world, requests and calls, shared by the emulator's tests.
enum Fixture {
    /// `share/ecsh/sandbox.json`, found from this file's place in the repository.
    static let sandboxPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("share/ecsh/sandbox.json").path

    static func sandbox() throws -> World { try World.load(contentsOf: sandboxPath) }

    static let start = "2024-06-01T00:00:00Z"
    static let account = Account(accessKeyId: "sandbox", accessKeySecret: "sandbox-secret")
    static let notWhiteListed = Account(
        accessKeyId: "sandbox-nowhitelist", accessKeySecret: "sandbox-nowhitelist-secret", inWhiteList: false)

    static func request(
        _ action: String, _ parameters: [String: String], at now: Date, account: Account = account
    ) -> ActionRequest {
        ActionRequest(action: action, parameters: parameters, account: account, requestId: "TEST", now: now)
    }

    /// Calls `handler` as the front door would, at the clock's time.
    @discardableResult
    static func call(
        _ handler: some ActionHandler, _ parameters: [String: String], in world: inout World, clock: FixedClock,
        account: Account = account
    ) throws(APIError) -> [String: JSONValue] {
        try handler.handle(request(handler.action, parameters, at: clock.now(), account: account), in: &world)
    }

    static func clock() -> FixedClock { FixedClock(iso8601: start) }

    /// The status DescribeDisks shows for a disk.
    static func diskStatus(_ diskId: String, in world: inout World, clock: FixedClock) throws -> String? {
        let region = world.disks.first { $0.diskId == diskId }?.regionId ?? "cn-hangzhou"
        let body = try call(
            DescribeDisksHandler(), ["RegionId": region, "DiskIds": "[\"\(diskId)\"]"], in: &world, clock: clock)
        guard case .array(let disks)? = body["Disks"]?["Disk"], disks.count == 1 else { return nil }
        return disks[0]["Status"]?.stringValue
    }

    /// The status DescribeInstances shows for an instance.
    static func instanceStatus(_ instanceId: String, in world: inout World, clock: FixedClock) throws -> String? {
        let region = world.instances.first { $0.instanceId == instanceId }?.regionId ?? "cn-hangzhou"
        let body = try call(
            DescribeInstancesHandler(), ["RegionId": region, "InstanceIds": "[\"\(instanceId)\"]"], in: &world,
            clock: clock)
        guard case .array(let instances)? = body["Instances"]?["Instance"], instances.count == 1 else { return nil }
        return instances[0]["Status"]?.stringValue
    }

    /// The items of a wrapped list, e.g. `Disks.Disk`.
    static func items(_ body: [String: JSONValue], _ list: String, _ item: String) -> [JSONValue]? {
        guard case .array(let items)? = body[list]?[item] else { return nil }
        return items
    }
}

struct WorldFixtureTests {
    @Test func sandboxIsFoundBesideTheSources() {
        #expect(FileManager.default.fileExists(atPath: Fixture.sandboxPath))
    }

    @Test func sandboxLoads() throws {
        let world = try Fixture.sandbox()
        #expect(world.regions.map(\.regionId).starts(with: ["cn-hangzhou", "cn-shanghai"]))
        #expect(world.account(accessKeyId: "sandbox")?.accessKeySecret == "sandbox-secret")
        #expect(world.account(accessKeyId: "STS.sandbox")?.securityToken != nil)
        #expect(world.account(accessKeyId: "sandbox-nowhitelist")?.inWhiteList == false)
        #expect(world.timing == Timing(reInitSeconds: 5, startSeconds: 3, stopSeconds: 3))
    }

    @Test func theSandboxSurvivesARoundTrip() throws {
        let world = try Fixture.sandbox()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let again = try World.load(from: try encoder.encode(world))
        #expect(again == world)
    }
}
