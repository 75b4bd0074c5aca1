import AliyunCore
import ECS
import Testing

/// StartInstance, StopInstance and ReInitDisk against the sandbox.
struct ECSClientActionTests {
    @Test func startInstance() async throws {
        let sandbox = try SandboxECS()
        let requestId = try await sandbox.client.startInstance("i-bp1sandboxweb0001")
        #expect(!requestId.isEmpty)
        #expect(sandbox.parameters(of: "StartInstance") == [["InstanceId": "i-bp1sandboxweb0001"]])
        let after = try await sandbox.client.describeInstances(
            region: "cn-hangzhou", instanceIds: ["i-bp1sandboxweb0001"])
        #expect(after.first?.status == "Starting")

        try await expectCode("InstanceLockedForSecurity") {
            try await sandbox.client.startInstance("i-bp1locked00000001")
        }
        try await expectCode("InvalidInstanceId.NotFound") { try await sandbox.client.startInstance("i-nothere") }
    }

    @Test(arguments: [false, true])
    func stopInstance(_ force: Bool) async throws {
        let sandbox = try SandboxECS()
        let requestId = try await sandbox.client.stopInstance("i-bp1running0000001", force: force)
        #expect(!requestId.isEmpty)
        #expect(
            sandbox.parameters(of: "StopInstance") == [
                ["InstanceId": "i-bp1running0000001", "ForceStop": force ? "true" : "false"]
            ])
        let after = try await sandbox.client.describeInstances(
            region: "cn-hangzhou", instanceIds: ["i-bp1running0000001"])
        #expect(after.first?.status == "Stopping")

        try await expectCode("IncorrectInstanceStatus") {
            try await sandbox.client.stopInstance("i-bp1sandboxweb0001", force: force)
        }
    }

    @Test func reInitDisk() async throws {
        let sandbox = try SandboxECS()
        let request = ReInitDiskRequest(
            diskId: "d-bp1oksystem000001", password: Password("EcsV587!"), keyPairName: "ecsh-demo",
            autoStartInstance: true, securityEnhancementStrategy: .active)
        try request.validate()
        let requestId = try await sandbox.client.reInitDisk(request)
        #expect(!requestId.isEmpty)
        #expect(sandbox.parameters(of: "ReInitDisk") == [request.parameters])

        let disk = try await sandbox.client.describeDisks(region: "cn-hangzhou", diskIds: ["d-bp1oksystem000001"])
        #expect(disk.first?.status == "ReIniting")
        let instance = try await sandbox.client.describeInstances(
            region: "cn-hangzhou", instanceIds: ["i-bp1sandboxweb0001"])
        #expect(instance.first?.status == "Starting")
        sandbox.clock.advance(by: 60)
        let later = try await sandbox.client.describeDisks(region: "cn-hangzhou", diskIds: ["d-bp1oksystem000001"])
        #expect(later.first?.status == "In_use")
    }

    /// Each of the sandbox's failing disks answers its code through the client.
    @Test(arguments: [
        ("d-bp1nosuchdisk0001", "InvalidDiskId.NotFound"),
        ("d-bp1erravailable01", "IncorrectDiskStatus"),
        ("d-bp1errrunning0001", "IncorrectInstanceStatus"),
        ("d-bp1errneverstart1", "IncorrectInstanceStatus"),
        ("d-bp1errlocked00001", "InstanceLockedForSecurity"),
        ("d-bp1errexpired0001", "InstanceExpiredOrInArrears"),
        ("d-bp1errnoioopt0001", "DependencyViolation.IoOptimize"),
        ("d-bp1errimagegone01", "InvalidDiskId.OperationNotSupported"),
        ("d-bp1errimagedel001", "InvalidImageId.NotFound"),
        ("d-bp1errsharedimg01", "SharedImageDeleted"),
        ("d-bp1errsnapdel0001", "InvalidSourceSnapshot"),
        ("d-bp1errsnapgone001", "OperationDenied"),
        ("d-bp1errsnapold0001", "InvalidSnapshot.TooOld"),
        ("d-bp1errsnapshotng1", "DiskCreatingSnapshot"),
        ("d-bp1errmultiattach", "InvalidOperation.MultiAttachDisk"),
        ("d-bp1errlocaldisk01", "DiskCategory.OperationNotSupported"),
    ])
    func reInitDiskErrors(_ diskId: String, _ code: String) async throws {
        let sandbox = try SandboxECS()
        try await expectCode(code) { try await sandbox.client.reInitDisk(ReInitDiskRequest(diskId: diskId)) }
    }

    @Test func reInitDiskOptionErrors() async throws {
        let sandbox = try SandboxECS()
        try await expectCode("InvalidKeyPairName.NotFound") {
            try await sandbox.client.reInitDisk(ReInitDiskRequest(diskId: "d-bp1oksystem000001", keyPairName: "nope"))
        }
        // What `validate(windows:)` catches the service refuses too.
        let windows = ReInitDiskRequest(diskId: "d-bp1okwindows00001", password: Password("/EcsV587!"))
        #expect(throws: ReInitDiskRequest.ValidationError.password(.leadingSlashOnWindows)) {
            try windows.validate(windows: true)
        }
        try await expectCode("InvalidPassword.Malformed") { try await sandbox.client.reInitDisk(windows) }
        let noWhiteList = try SandboxECS(account: 2)
        try await expectCode("UserNotInTheWhiteList") {
            try await noWhiteList.client.reInitDisk(ReInitDiskRequest(diskId: "d-bp1errmultiattach"))
        }
    }
}
