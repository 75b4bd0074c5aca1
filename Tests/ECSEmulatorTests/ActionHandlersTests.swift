import ECSEmulator
import Testing

struct ActionHandlersTests {
    @Test func everyActionIsRegisteredOnce() {
        let names = ActionHandlers.all.map(\.action)
        #expect(
            Set(names) == [
                "ReInitDisk", "DescribeDisks", "DescribeInstances", "StartInstance", "StopInstance", "DescribeRegions",
                "DescribeKeyPairs",
            ])
        #expect(names.count == Set(names).count)
    }

    @Test func onlyTheCallsThatChangeTheWorldAreMutating() {
        let mutating = Set(ActionHandlers.all.filter(\.isMutating).map(\.action))
        #expect(mutating == ["ReInitDisk", "StartInstance", "StopInstance"])
    }

    /// Parameters an action does not take are ignored, as ECS ignores them.
    @Test(arguments: ActionHandlers.all.map(\.action))
    func strayParametersAreIgnored(_ action: String) throws {
        let handler = try #require(ActionHandlers.all.first { $0.action == action })
        var world = try Fixture.sandbox()
        let instanceId = action == "StartInstance" ? "i-bp1sandboxweb0001" : "i-bp1running0000001"
        let parameters = [
            "Bogus": "1", "RegionId": "cn-hangzhou", "DiskId": "d-bp1oksystem000001", "InstanceId": instanceId,
        ]
        let request = Fixture.request(action, parameters, at: Fixture.clock().now())
        #expect(throws: Never.self) { try handler.handle(request, in: &world) }
    }
}
