import ECS
import Testing

struct ReInitDiskRequestTests {
    @Test func everyOptionOnTheWire() {
        let request = ReInitDiskRequest(
            diskId: "d-diskid1", password: Password("EcsV587!"), keyPairName: "JoshuaCentOS", autoStartInstance: true,
            securityEnhancementStrategy: .active)
        #expect(
            request.parameters == [
                "DiskId": "d-diskid1", "Password": "EcsV587!", "KeyPairName": "JoshuaCentOS",
                "AutoStartInstance": "true", "SecurityEnhancementStrategy": "Active",
            ])
        #expect(
            request.redactedParameters == [
                "DiskId": "d-diskid1", "Password": "******", "KeyPairName": "JoshuaCentOS",
                "AutoStartInstance": "true", "SecurityEnhancementStrategy": "Active",
            ])
        #expect(!request.redactedParameters.values.contains { $0.contains("EcsV587!") })
    }

    @Test func absentOptionsAreLeftOut() {
        #expect(ReInitDiskRequest(diskId: "d-1").parameters == ["DiskId": "d-1"])
        #expect(ReInitDiskRequest(diskId: "d-1").redactedParameters == ["DiskId": "d-1"])
        let off = ReInitDiskRequest(diskId: "d-1", autoStartInstance: false, securityEnhancementStrategy: .deactive)
        #expect(
            off.parameters == [
                "DiskId": "d-1", "AutoStartInstance": "false", "SecurityEnhancementStrategy": "Deactive",
            ])
    }

    @Test(arguments: [("active", SecurityEnhancementStrategy.active), ("DEACTIVE", .deactive), ("Active", .active)])
    func strategyByName(_ name: String, _ expected: SecurityEnhancementStrategy) {
        #expect(SecurityEnhancementStrategy(name: name) == expected)
    }

    @Test func strategyOutsideTheTwo() {
        #expect(SecurityEnhancementStrategy(name: "on") == nil)
        #expect(SecurityEnhancementStrategy.allCases.map(\.rawValue) == ["Active", "Deactive"])
    }

    @Test(arguments: [
        ReInitDiskRequest(diskId: "d-bp1oksystem000001"),
        ReInitDiskRequest(diskId: "d-diskid1", password: Password("EcsV587!"), keyPairName: "JoshuaCentOS"),
        ReInitDiskRequest(diskId: "d-1", password: Password("/EcsV587!")),
    ])
    func validRequests(_ request: ReInitDiskRequest) {
        #expect(throws: Never.self) { try request.validate() }
    }

    @Test(arguments: [
        (ReInitDiskRequest(diskId: ""), ReInitDiskRequest.ValidationError.emptyDiskId),
        (ReInitDiskRequest(diskId: "i-bp1sandboxweb0001"), .malformedDiskId("i-bp1sandboxweb0001")),
        (ReInitDiskRequest(diskId: "d-"), .malformedDiskId("d-")),
        (ReInitDiskRequest(diskId: "d-bp1 x"), .malformedDiskId("d-bp1 x")),
        (ReInitDiskRequest(diskId: "d-1", keyPairName: ""), .emptyKeyPairName),
        (ReInitDiskRequest(diskId: "d-1", password: Password("Ecs1!")), .password(.tooShort(5))),
        (
            ReInitDiskRequest(diskId: "d-1", password: Password("ecsv5877")),
            .password(.tooFewKinds(missing: [.upperCase, .special]))
        ),
    ])
    func invalidRequests(_ request: ReInitDiskRequest, _ expected: ReInitDiskRequest.ValidationError) {
        #expect(throws: expected) { try request.validate() }
    }

    @Test func windowsIsCheckedWhenKnown() {
        let request = ReInitDiskRequest(diskId: "d-1", password: Password("/EcsV587!"))
        #expect(throws: ReInitDiskRequest.ValidationError.password(.leadingSlashOnWindows)) {
            try request.validate(windows: true)
        }
    }

    @Test(arguments: [
        (
            ReInitDiskRequest.ValidationError.emptyDiskId,
            "the disk id is empty: give one such as d-bp1oksystem000001 (see `disks`)"
        ),
        (
            .malformedDiskId("i-1"),
            "\"i-1\" is not a disk id: a disk id is d- followed by letters and digits, such as d-bp1oksystem000001"
        ),
        (
            .password(.tooShort(5)),
            "the password is not valid: too short: 5 characters, at least 8 are needed"
        ),
        (
            .emptyKeyPairName,
            "the key pair name is empty: give one of the region's key pairs (see `keypairs`) or none"
        ),
    ])
    func messages(_ error: ReInitDiskRequest.ValidationError, _ english: String) {
        #expect(error.description == english)
        #expect(error.description(language: .en) == english)
        #expect(error.description(language: .zh) != english)
    }

    @Test func aPasswordErrorDoesNotCarryThePassword() throws {
        let request = ReInitDiskRequest(diskId: "d-1", password: Password("Zq7 xk9!w"))
        do {
            try request.validate()
            Issue.record("expected a validation error")
        } catch {
            for language in Language.allCases {
                #expect(!error.description(language: language).contains("Zq7 xk9!w"))
            }
            #expect(!String(reflecting: error).contains("Zq7"))
        }
    }
}
