import AliyunCore
import ECSEmulator
import Foundation
import TestSupport
import Testing

/// One row of ReInitDisk's error table, and the sandbox state and request that produce it.
struct ErrorRow: Sendable, CustomTestStringConvertible {
    var httpStatus: Int
    var code: String
    var message: String
    var parameters: [String: String]
    var account = Fixture.account

    var testDescription: String { "\(code) via \(parameters["DiskId"] ?? "no DiskId")" }
    var error: APIError { APIError(code: code, message: message, httpStatus: httpStatus) }
}

struct ReInitDiskErrorTests {
    /// The error table of the ReInitDisk API document, row by row and word for word, plus
    /// `MissingParameter` and `InvalidOperation.MultiAttachDisk`.
    static let seedTable: [ErrorRow] = [
        ErrorRow(
            httpStatus: 404, code: "InvalidDiskId.NotFound", message: "The specified disk does not exist.",
            parameters: ["DiskId": "d-bp1doesnotexist01"]),
        ErrorRow(
            httpStatus: 403, code: "IncorrectDiskStatus",
            message: "The current disk status does not support this operation.",
            parameters: ["DiskId": "d-bp1erravailable01"]),
        ErrorRow(
            httpStatus: 403, code: "IncorrectInstanceStatus",
            message: "The current status of the resource does not support this operation.",
            parameters: ["DiskId": "d-bp1errrunning0001"]),
        ErrorRow(
            httpStatus: 403, code: "InstanceLockedForSecurity", message: "The instance is locked due to security.",
            parameters: ["DiskId": "d-bp1errlocked00001"]),
        ErrorRow(
            httpStatus: 403, code: "InvalidSnapshot.TooOld",
            message:
                "The disk is created from a snapshotId made before 2013-07-15, it cannot be re-initiated the specified disk any more since the detached first time.",
            parameters: ["DiskId": "d-bp1errsnapold0001"]),
        ErrorRow(
            httpStatus: 403, code: "OperationDenied",
            message: "The snapshot which is used to create the specified disk has been deleted.",
            parameters: ["DiskId": "d-bp1errsnapgone001"]),
        ErrorRow(
            httpStatus: 403, code: "InstanceExpiredOrInArrears",
            message:
                "The specified operation is denied as your prepay instance is expired (prepay mode) or in arrears (afterpay mode).",
            parameters: ["DiskId": "d-bp1errexpired0001"]),
        ErrorRow(
            httpStatus: 403, code: "DiskCreatingSnapshot",
            message: "The operation is denied due to a snapshot of the specified disk is not completed yet.",
            parameters: ["DiskId": "d-bp1errsnapshotng1"]),
        ErrorRow(
            httpStatus: 403, code: "InvalidSourceSnapshot",
            message: "The snapshot which is used to create the specified disk has been deleted.",
            parameters: ["DiskId": "d-bp1errsnapdel0001"]),
        ErrorRow(
            httpStatus: 404, code: "InvalidImageId.NotFound", message: "The specified ImageId does not exist.",
            parameters: ["DiskId": "d-bp1errimagedel001"]),
        ErrorRow(
            httpStatus: 403, code: "SharedImageDeleted", message: "The specified image by others shared is deleted.",
            parameters: ["DiskId": "d-bp1errsharedimg01"]),
        ErrorRow(
            httpStatus: 400, code: "InvalidPassword.Malformed",
            message: "The specified parameter \"Password\" is not valid.",
            parameters: ["DiskId": "d-bp1oksystem000001", "Password": "password"]),
        ErrorRow(
            httpStatus: 400, code: "DiskCategory.OperationNotSupported",
            message: "The operation is not supported to the specified disk due to its disk category",
            parameters: ["DiskId": "d-bp1errlocaldisk01"]),
        ErrorRow(
            httpStatus: 400, code: "InvalidKeyPairName.NotFound", message: "The specified KeyPairName does not exist.",
            parameters: ["DiskId": "d-bp1oksystem000001", "KeyPairName": "no-such-key"]),
        ErrorRow(
            httpStatus: 400, code: "DependencyViolation.IoOptimize",
            message: "The specified parameter InstanceId is not valid.",
            parameters: ["DiskId": "d-bp1errnoioopt0001"]),
        ErrorRow(
            httpStatus: 403, code: "UserNotInTheWhiteList", message: "The user is not in volume white list.",
            parameters: ["DiskId": "d-bp1errmultiattach"], account: Fixture.notWhiteListed),
        ErrorRow(
            httpStatus: 400, code: "InvalidRegionId.MalFormed", message: "The specified RegionId is not valid",
            parameters: ["DiskId": "d-bp1oksystem000001", "RegionId": "CN_Hangzhou"]),
        ErrorRow(
            httpStatus: 404, code: "InvalidDiskId.OperationNotSupported",
            message: "The operation is not supported due to image not exist.",
            parameters: ["DiskId": "d-bp1errimagegone01"]),
        // Beyond the table.
        ErrorRow(
            httpStatus: 400, code: "MissingParameter",
            message: "The input parameter \"DiskId\" that is mandatory for processing this request is not supplied.",
            parameters: [:]),
        ErrorRow(
            httpStatus: 403, code: "InvalidOperation.MultiAttachDisk",
            message: "Multi attach disk does not support this operation.",
            parameters: ["DiskId": "d-bp1errmultiattach"]),
    ]

    @Test(arguments: seedTable)
    func sandboxProducesEachErrorExactly(_ row: ErrorRow) throws {
        var world = try Fixture.sandbox()
        let unchanged = world
        let clock = Fixture.clock()
        #expect(throws: row.error) {
            try Fixture.call(ReInitDiskHandler(), row.parameters, in: &world, clock: clock, account: row.account)
        }
        #expect(world == unchanged, "a refused call changes nothing")
    }

    @Test func tableCoversEveryCodeOfTheSeedDocument() {
        let codes = Set(Self.seedTable.map(\.code))
        #expect(codes.count == 20)
    }

    /// Other ways to the same codes.
    @Test(arguments: [
        ErrorRow(
            httpStatus: 403, code: "IncorrectInstanceStatus",
            message: "The current status of the resource does not support this operation.",
            parameters: ["DiskId": "d-bp1errneverstart1"]),
        ErrorRow(
            httpStatus: 404, code: "InvalidDiskId.NotFound", message: "The specified disk does not exist.",
            parameters: ["DiskId": "bp1oksystem000001"]),
        ErrorRow(
            httpStatus: 404, code: "InvalidDiskId.NotFound", message: "The specified disk does not exist.",
            parameters: ["DiskId": "d-bp1oksystem000001", "RegionId": "cn-shanghai"]),
        ErrorRow(
            httpStatus: 400, code: "InvalidRegionId.MalFormed", message: "The specified RegionId is not valid",
            parameters: ["DiskId": "d-bp1oksystem000001", "RegionId": "cn-atlantis"]),
        ErrorRow(
            httpStatus: 400, code: "MissingParameter",
            message: "The input parameter \"DiskId\" that is mandatory for processing this request is not supplied.",
            parameters: ["DiskId": ""]),
        ErrorRow(
            httpStatus: 400, code: "InvalidPassword.Malformed",
            message: "The specified parameter \"Password\" is not valid.",
            parameters: ["DiskId": "d-bp1okwindows00001", "Password": "/EcsV587!"]),
        ErrorRow(
            httpStatus: 400, code: "InvalidKeyPairName.NotFound", message: "The specified KeyPairName does not exist.",
            parameters: ["DiskId": "d-bp1oksystem000001", "KeyPairName": "shanghai-ops"]),
        ErrorRow(
            httpStatus: 400, code: "InvalidParameter",
            message: "The specified parameter \"AutoStartInstance\" is not valid.",
            parameters: ["DiskId": "d-bp1oksystem000001", "AutoStartInstance": "yes"]),
        ErrorRow(
            httpStatus: 400, code: "InvalidParameter",
            message: "The specified parameter \"SecurityEnhancementStrategy\" is not valid.",
            parameters: ["DiskId": "d-bp1oksystem000001", "SecurityEnhancementStrategy": "On"]),
        ErrorRow(
            httpStatus: 400, code: "InvalidParameter",
            message:
                "The specified parameter \"SecurityEnhancementStrategy\" is not valid. Active is supported for public images only.",
            parameters: ["DiskId": "d-bp1okcustomimage1", "SecurityEnhancementStrategy": "Active"]),
    ])
    func otherTriggers(_ row: ErrorRow) throws {
        var world = try Fixture.sandbox()
        #expect(throws: row.error) {
            try Fixture.call(ReInitDiskHandler(), row.parameters, in: &world, clock: Fixture.clock())
        }
    }

    /// Every sandbox disk named `error-…` fails with the code its Description names; every `ok-…` disk
    /// re-initialises.
    @Test func sandboxDiskNamesAndDescriptionsTellTheTruth() throws {
        let world = try Fixture.sandbox()
        for disk in world.disks {
            var copy = world
            let name = try #require(disk.diskName)
            let result = Result { () throws(APIError) in
                try Fixture.call(ReInitDiskHandler(), ["DiskId": disk.diskId], in: &copy, clock: Fixture.clock())
            }
            switch result {
            case .success:
                #expect(name.hasPrefix("ok-"), "\(disk.diskId) succeeded")
            case .failure(let error):
                #expect(name.hasPrefix("error-"), "\(disk.diskId) failed with \(error)")
                #expect(disk.description?.contains(error.code) == true, "\(disk.diskId): \(error.code)")
            }
        }
    }

    /// When several things are wrong, the first check in the documented order answers.
    @Test(arguments: [
        (["Password": "x"], "MissingParameter"),
        (["DiskId": "d-bp1errlocked00001", "RegionId": "bad_region", "Password": "x"], "InvalidRegionId.MalFormed"),
        (["DiskId": "d-bp1errlocked00001", "AutoStartInstance": "1", "Password": "x"], "InvalidParameter"),
        (["DiskId": "d-nope", "Password": "x"], "InvalidPassword.Malformed"),
        (["DiskId": "d-nope", "KeyPairName": "nope"], "InvalidDiskId.NotFound"),
        (["DiskId": "d-bp1errlocked00001", "KeyPairName": "nope"], "InstanceLockedForSecurity"),
        (["DiskId": "d-bp1errimagegone01", "KeyPairName": "nope"], "InvalidDiskId.OperationNotSupported"),
        (
            ["DiskId": "d-bp1okwindows00001", "KeyPairName": "nope", "Password": "/EcsV587!"],
            "InvalidKeyPairName.NotFound"
        ),
    ])
    func checksRunInTheDocumentedOrder(_ parameters: [String: String], _ code: String) throws {
        var world = try Fixture.sandbox()
        #expect {
            try Fixture.call(ReInitDiskHandler(), parameters, in: &world, clock: Fixture.clock())
        } throws: { error in
            (error as? APIError)?.code == code
        }
    }

    @Test func orderOfTheInstanceChecks() throws {
        var world = try Fixture.sandbox()
        let index = try #require(world.instanceIndex("i-bp1running0000001"))
        world.instances[index].expiredOrInArrears = true
        #expect(throws: ReInitDiskErrorTests.error("InstanceExpiredOrInArrears")) {
            try Fixture.call(ReInitDiskHandler(), ["DiskId": "d-bp1errrunning0001"], in: &world, clock: Fixture.clock())
        }
        world.instances[index].lockedForSecurity = true
        #expect(throws: ReInitDiskErrorTests.error("InstanceLockedForSecurity")) {
            try Fixture.call(ReInitDiskHandler(), ["DiskId": "d-bp1errrunning0001"], in: &world, clock: Fixture.clock())
        }
    }

    static func error(_ code: String) -> APIError {
        seedTable.first { $0.code == code }!.error
    }
}
