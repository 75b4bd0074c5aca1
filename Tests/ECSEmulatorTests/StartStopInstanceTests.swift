import AliyunCore
import ECSEmulator
import Foundation
import TestSupport
import Testing

struct StartStopInstanceTests {
    @Test func stopThenStartGoesThroughTheTransitionalStates() throws {
        var world = try Fixture.sandbox()
        let clock = Fixture.clock()
        let id = "i-bp1running0000001"
        #expect(try Fixture.call(StopInstanceHandler(), ["InstanceId": id], in: &world, clock: clock).isEmpty)
        #expect(try Fixture.instanceStatus(id, in: &world, clock: clock) == "Stopping")
        clock.advance(by: 2.999)
        #expect(try Fixture.instanceStatus(id, in: &world, clock: clock) == "Stopping")
        clock.advance(by: 0.001)
        #expect(try Fixture.instanceStatus(id, in: &world, clock: clock) == "Stopped")
        // Now its disk can be re-initialised.
        try Fixture.call(ReInitDiskHandler(), ["DiskId": "d-bp1errrunning0001"], in: &world, clock: clock)
        clock.advance(by: 5)
        #expect(try Fixture.call(StartInstanceHandler(), ["InstanceId": id], in: &world, clock: clock).isEmpty)
        #expect(try Fixture.instanceStatus(id, in: &world, clock: clock) == "Starting")
        clock.advance(by: 3)
        #expect(try Fixture.instanceStatus(id, in: &world, clock: clock) == "Running")
    }

    @Test(arguments: ["true", "False"])
    func forceStopIsABoolean(_ flag: String) throws {
        var world = try Fixture.sandbox()
        try Fixture.call(
            StopInstanceHandler(), ["InstanceId": "i-bp1running0000001", "ForceStop": flag], in: &world,
            clock: Fixture.clock())
    }

    static let incorrectStatus = ReInitDiskErrorTests.error("IncorrectInstanceStatus")
    static let notFound = APIError(
        code: "InvalidInstanceId.NotFound", message: "The specified InstanceId does not exist.", httpStatus: 404)
    static let locked = APIError(
        code: "InstanceLockedForSecurity",
        message: "The specified operation is denied as your instance is locked for security reasons.", httpStatus: 403)

    @Test(arguments: [
        (["InstanceId": "i-bp1sandboxweb0001"], incorrectStatus),
        (["InstanceId": "i-bp1locked00000001"], locked),
        (["InstanceId": "i-bp1nosuchinstance"], notFound),
        (["InstanceId": "bp1running0000001"], notFound),
        (["InstanceId": "i-bp1running0000001", "RegionId": "cn-shanghai"], notFound),
        (
            ["InstanceId": "i-bp1running0000001", "RegionId": "cn-atlantis"],
            APIError(
                code: "InvalidRegionId.NotFound", message: "The specified RegionId does not exist.", httpStatus: 404)
        ),
        (
            ["InstanceId": "i-bp1running0000001", "ForceStop": "maybe"],
            APIError(
                code: "InvalidParameter", message: "The specified parameter \"ForceStop\" is not valid.",
                httpStatus: 400)
        ),
        (
            [:],
            APIError(
                code: "MissingParameter",
                message:
                    "The input parameter \"InstanceId\" that is mandatory for processing this request is not supplied.",
                httpStatus: 400)
        ),
        (
            ["InstanceId": "i-bp1running0000001", "DryRun": "true"],
            APIError(
                code: "DryRunOperation", message: "Request validation has been passed with DryRun flag set.",
                httpStatus: 400)
        ),
    ])
    func stopRefuses(_ parameters: [String: String], _ error: APIError) throws {
        var world = try Fixture.sandbox()
        let unchanged = world
        #expect(throws: error) {
            try Fixture.call(StopInstanceHandler(), parameters, in: &world, clock: Fixture.clock())
        }
        #expect(world == unchanged)
    }

    @Test(arguments: [
        (["InstanceId": "i-bp1running0000001"], incorrectStatus),
        (["InstanceId": "i-bp1locked00000001"], locked),
        (["InstanceId": "i-bp1expired0000001"], ReInitDiskErrorTests.error("InstanceExpiredOrInArrears")),
        (["InstanceId": "i-nope"], notFound),
        (
            ["InstanceId": "i-bp1sandboxweb0001", "DryRun": "true"],
            APIError(
                code: "DryRunOperation", message: "Request validation has been passed with DryRun flag set.",
                httpStatus: 400)
        ),
    ])
    func startRefuses(_ parameters: [String: String], _ error: APIError) throws {
        var world = try Fixture.sandbox()
        #expect(throws: error) {
            try Fixture.call(StartInstanceHandler(), parameters, in: &world, clock: Fixture.clock())
        }
    }

    @Test func transitionalStatesRefuseBothDirections() throws {
        var world = try Fixture.sandbox()
        let clock = Fixture.clock()
        let id = ["InstanceId": "i-bp1running0000001"]
        try Fixture.call(StopInstanceHandler(), id, in: &world, clock: clock)
        #expect(throws: Self.incorrectStatus) { try Fixture.call(StopInstanceHandler(), id, in: &world, clock: clock) }
        #expect(throws: Self.incorrectStatus) { try Fixture.call(StartInstanceHandler(), id, in: &world, clock: clock) }
        clock.advance(by: 3)
        try Fixture.call(StartInstanceHandler(), id, in: &world, clock: clock)
        #expect(throws: Self.incorrectStatus) { try Fixture.call(StartInstanceHandler(), id, in: &world, clock: clock) }
        #expect(throws: Self.incorrectStatus) { try Fixture.call(StopInstanceHandler(), id, in: &world, clock: clock) }
    }

    @Test func startWaitsForAReInitialisingDisk() throws {
        var world = try Fixture.sandbox()
        let clock = Fixture.clock()
        try Fixture.call(ReInitDiskHandler(), ["DiskId": "d-bp1okdataempty001"], in: &world, clock: clock)
        #expect(throws: ReInitDiskErrorTests.error("IncorrectDiskStatus")) {
            try Fixture.call(StartInstanceHandler(), ["InstanceId": "i-bp1sandboxweb0001"], in: &world, clock: clock)
        }
        clock.advance(by: 5)
        try Fixture.call(StartInstanceHandler(), ["InstanceId": "i-bp1sandboxweb0001"], in: &world, clock: clock)
    }

    @Test func startAndStopAreMutating() {
        #expect(StartInstanceHandler().isMutating && StopInstanceHandler().isMutating)
        #expect(StartInstanceHandler().action == "StartInstance")
        #expect(StopInstanceHandler().action == "StopInstance")
    }
}
