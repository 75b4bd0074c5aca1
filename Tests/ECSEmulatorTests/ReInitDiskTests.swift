import AliyunCore
import ECSEmulator
import Foundation
import TestSupport
import Testing

struct ReInitDiskTests {
    @Test func handlerDescribesItself() {
        let handler = ReInitDiskHandler()
        #expect(handler.action == "ReInitDisk")
        #expect(handler.isMutating)
    }

    @Test(arguments: ["d-bp1oksystem000001", "d-bp1okdataempty001", "d-bp1okdatasnap0001", "d-uf6oksystem000001"])
    func eachKindOfDiskReInitialisesAndAnswersAnEmptyBody(_ diskId: String) throws {
        var world = try Fixture.sandbox()
        let clock = Fixture.clock()
        let body = try Fixture.call(ReInitDiskHandler(), ["DiskId": diskId], in: &world, clock: clock)
        #expect(body.isEmpty)
        #expect(try Fixture.diskStatus(diskId, in: &world, clock: clock) == "ReIniting")
    }

    @Test func reInitialisingLastsReInitSecondsExactly() throws {
        var world = try Fixture.sandbox()
        let clock = Fixture.clock()
        let diskId = "d-bp1oksystem000001"
        try Fixture.call(ReInitDiskHandler(), ["DiskId": diskId], in: &world, clock: clock)
        clock.advance(by: 4.999)
        #expect(try Fixture.diskStatus(diskId, in: &world, clock: clock) == "ReIniting")
        #expect(throws: ReInitDiskErrorTests.error("IncorrectDiskStatus")) {
            try Fixture.call(ReInitDiskHandler(), ["DiskId": diskId], in: &world, clock: clock)
        }
        clock.advance(by: 0.001)
        #expect(try Fixture.diskStatus(diskId, in: &world, clock: clock) == "In_use")
        // Id and attachment kept; a second re-initialisation is accepted.
        let disk = try #require(world.disks.first { $0.diskId == diskId })
        #expect(disk.instanceId == "i-bp1sandboxweb0001")
        #expect(disk.device == "/dev/xvda")
        try Fixture.call(ReInitDiskHandler(), ["DiskId": diskId], in: &world, clock: clock)
    }

    @Test(arguments: ["true", "True", "TRUE"])
    func autoStartStartsTheInstanceOnceTheDiskIsBack(_ flag: String) throws {
        var world = try Fixture.sandbox()
        let clock = Fixture.clock()
        let instanceId = "i-bp1sandboxweb0001"
        try Fixture.call(
            ReInitDiskHandler(), ["DiskId": "d-bp1oksystem000001", "AutoStartInstance": flag], in: &world,
            clock: clock)
        #expect(try Fixture.instanceStatus(instanceId, in: &world, clock: clock) == "Starting")
        clock.advance(by: 5)  // the disk is back; the instance boots for StartSeconds more
        #expect(try Fixture.diskStatus("d-bp1oksystem000001", in: &world, clock: clock) == "In_use")
        #expect(try Fixture.instanceStatus(instanceId, in: &world, clock: clock) == "Starting")
        clock.advance(by: 2.999)
        #expect(try Fixture.instanceStatus(instanceId, in: &world, clock: clock) == "Starting")
        clock.advance(by: 0.001)
        #expect(try Fixture.instanceStatus(instanceId, in: &world, clock: clock) == "Running")
    }

    @Test(arguments: [nil, "false", "False"])
    func withoutAutoStartTheInstanceStaysStopped(_ flag: String?) throws {
        var world = try Fixture.sandbox()
        let clock = Fixture.clock()
        var parameters = ["DiskId": "d-bp1okdatasnap0001"]
        parameters["AutoStartInstance"] = flag
        try Fixture.call(ReInitDiskHandler(), parameters, in: &world, clock: clock)
        clock.advance(by: 60)
        #expect(try Fixture.instanceStatus("i-bp1sandboxweb0001", in: &world, clock: clock) == "Stopped")
    }

    @Test func whileTheInstanceStartsItsOtherDisksWait() throws {
        var world = try Fixture.sandbox()
        let clock = Fixture.clock()
        try Fixture.call(
            ReInitDiskHandler(), ["DiskId": "d-bp1oksystem000001", "AutoStartInstance": "true"], in: &world,
            clock: clock)
        #expect(throws: ReInitDiskErrorTests.error("IncorrectInstanceStatus")) {
            try Fixture.call(ReInitDiskHandler(), ["DiskId": "d-bp1okdataempty001"], in: &world, clock: clock)
        }
    }

    @Test func keyPairOfASystemDiskBecomesTheInstances() throws {
        var world = try Fixture.sandbox()
        let clock = Fixture.clock()
        try Fixture.call(
            ReInitDiskHandler(), ["DiskId": "d-bp1oksystem000001", "KeyPairName": "deploy-key"], in: &world,
            clock: clock)
        let body = try Fixture.call(
            DescribeInstancesHandler(), ["RegionId": "cn-hangzhou", "InstanceIds": "[\"i-bp1sandboxweb0001\"]"],
            in: &world, clock: clock)
        #expect(Fixture.items(body, "Instances", "Instance")?.first?["KeyPairName"] == .string("deploy-key"))
    }

    @Test(arguments: ["Active", "Deactive"])
    func securityEnhancementOnAPublicImage(_ strategy: String) throws {
        var world = try Fixture.sandbox()
        try Fixture.call(
            ReInitDiskHandler(), ["DiskId": "d-bp1oksystem000001", "SecurityEnhancementStrategy": strategy],
            in: &world, clock: Fixture.clock())
    }

    @Test func deactiveSuitsEveryImage() throws {
        var world = try Fixture.sandbox()
        try Fixture.call(
            ReInitDiskHandler(), ["DiskId": "d-bp1okcustomimage1", "SecurityEnhancementStrategy": "Deactive"],
            in: &world, clock: Fixture.clock())
    }

    @Test func aFirstStartMakesTheDisksOfANeverStartedInstanceReInitialisable() throws {
        var world = try Fixture.sandbox()
        let clock = Fixture.clock()
        let instance = ["InstanceId": "i-bp1neverstarted01"]
        try Fixture.call(StartInstanceHandler(), instance, in: &world, clock: clock)
        clock.advance(by: 3)
        try Fixture.call(StopInstanceHandler(), instance, in: &world, clock: clock)
        clock.advance(by: 3)
        try Fixture.call(ReInitDiskHandler(), ["DiskId": "d-bp1errneverstart1"], in: &world, clock: clock)
    }

    @Test func theMultiAttachAnswerDependsOnTheAccount() throws {
        var world = try Fixture.sandbox()
        let parameters = ["DiskId": "d-bp1errmultiattach"]
        #expect(throws: ReInitDiskErrorTests.error("InvalidOperation.MultiAttachDisk")) {
            try Fixture.call(ReInitDiskHandler(), parameters, in: &world, clock: Fixture.clock())
        }
        #expect(throws: ReInitDiskErrorTests.error("UserNotInTheWhiteList")) {
            try Fixture.call(
                ReInitDiskHandler(), parameters, in: &world, clock: Fixture.clock(), account: Fixture.notWhiteListed)
        }
    }
}
