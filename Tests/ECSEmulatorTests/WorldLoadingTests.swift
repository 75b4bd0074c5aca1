import ECSEmulator
import Foundation
import Testing

struct WorldLoadingTests {
    /// A small valid world; each case below breaks it in one place.
    static let base = """
        {
          "Accounts": [{"AccessKeyId": "ak", "AccessKeySecret": "sk", "InWhiteList": true}],
          "Regions": [{"RegionId": "cn-hangzhou", "LocalName": "杭州", "Zones": ["cn-hangzhou-h", "cn-hangzhou-i"]}],
          "Images": [{"ImageId": "img-1", "RegionId": "cn-hangzhou", "OSType": "linux", "ImageOwnerAlias": "system"}],
          "Snapshots": [{"SnapshotId": "s-1", "RegionId": "cn-hangzhou", "CreationTime": "2024-01-01T00:00:00Z"}],
          "KeyPairs": [{"KeyPairName": "kp", "RegionId": "cn-hangzhou"}],
          "Instances": [{"InstanceId": "i-1", "RegionId": "cn-hangzhou", "ZoneId": "cn-hangzhou-h", "Status": "Stopped", "OSType": "linux", "InstanceChargeType": "PostPaid", "Comment": "unknown fields are ignored"}],
          "Disks": [
            {"DiskId": "d-sys", "RegionId": "cn-hangzhou", "ZoneId": "cn-hangzhou-h", "Type": "system", "Category": "cloud_essd", "Size": 40, "Status": "In_use", "InstanceId": "i-1", "Device": "/dev/xvda", "ImageId": "img-1"},
            {"DiskId": "d-xyz", "RegionId": "cn-hangzhou", "ZoneId": "cn-hangzhou-h", "Type": "data", "Category": "cloud_essd", "Size": 100, "Status": "In_use", "InstanceId": "i-1", "Device": "/dev/xvdb", "SourceSnapshotId": "s-1", "Description": "a data disk"}
          ],
          "Timing": {"ReInitSeconds": 5, "StartSeconds": 3, "StopSeconds": 3}
        }
        """

    static func base(replacing old: String, with new: String) -> String {
        precondition(base.contains(old), "the base world has no \(old)")
        return base.replacingOccurrences(of: old, with: new)
    }

    @Test func theBaseWorldLoads() throws {
        let world = try World.load(from: Data(Self.base.utf8))
        #expect(world.disks.map(\.diskId) == ["d-sys", "d-xyz"])
        #expect(world.disks[1].description == "a data disk")
        #expect(world.instances[0].lifecycle.everStarted)  // EverStarted defaults to true for a Stopped instance
        #expect(world.instances[0].ioOptimized)
        #expect(world.images[0].deleted == false)
    }

    @Test func everyTopLevelListMayBeLeftOut() throws {
        let world = try World.load(from: Data("{}".utf8))
        #expect(world == World())
        #expect(world.timing == Timing(reInitSeconds: 5, startSeconds: 3, stopSeconds: 3))
    }

    @Test(arguments: [
        (
            "\"Status\": \"In_use\", \"InstanceId\": \"i-1\", \"Device\": \"/dev/xvdb\"",
            "\"Status\": \"Broken\", \"InstanceId\": \"i-1\", \"Device\": \"/dev/xvdb\"",
            WorldError.Kind.invalidValue,
            "Disks[1] (d-xyz): Status \"Broken\" is not one of In_use, Available, ReIniting, Attaching, Detaching, Creating"
        ),
        ("\"Size\": 100, ", "", .missingField, "Disks[1] (d-xyz): missing required field \"Size\""),
        ("\"DiskId\": \"d-xyz\", ", "", .missingField, "Disks[1]: missing required field \"DiskId\""),
        ("\"Size\": 100", "\"Size\": \"big\"", .invalidValue, "Disks[1] (d-xyz): Size must be a whole number"),
        ("\"Size\": 100", "\"Size\": 0", .invalidValue, "Disks[1] (d-xyz): Size must be at least 1 (GiB)"),
        (
            "\"InstanceId\": \"i-1\", \"Device\": \"/dev/xvdb\"",
            "\"InstanceId\": \"i-gone\", \"Device\": \"/dev/xvdb\"",
            .unknownReference, "Disks[1] (d-xyz): InstanceId \"i-gone\" is not one of the Instances"
        ),
        (
            "\"DiskId\": \"d-xyz\"", "\"DiskId\": \"d-sys\"", .duplicateId,
            "Disks[1] (d-sys): DiskId \"d-sys\" is already used by Disks[0]"
        ),
        (
            "\"DiskId\": \"d-xyz\", \"RegionId\": \"cn-hangzhou\"",
            "\"DiskId\": \"d-xyz\", \"RegionId\": \"cn-nowhere\"",
            .unknownReference, "Disks[1] (d-xyz): RegionId \"cn-nowhere\" is not one of the Regions (cn-hangzhou)"
        ),
        (
            "\"DiskId\": \"d-xyz\", \"RegionId\": \"cn-hangzhou\", \"ZoneId\": \"cn-hangzhou-h\"",
            "\"DiskId\": \"d-xyz\", \"RegionId\": \"cn-hangzhou\", \"ZoneId\": \"cn-hangzhou-z\"", .unknownReference,
            "Disks[1] (d-xyz): ZoneId \"cn-hangzhou-z\" is not a zone of cn-hangzhou (cn-hangzhou-h, cn-hangzhou-i)"
        ),
        (
            "\"DiskId\": \"d-xyz\", \"RegionId\": \"cn-hangzhou\", \"ZoneId\": \"cn-hangzhou-h\"",
            "\"DiskId\": \"d-xyz\", \"RegionId\": \"cn-hangzhou\", \"ZoneId\": \"cn-hangzhou-i\"", .invalidValue,
            "Disks[1] (d-xyz): ZoneId cn-hangzhou-i differs from the zone of its instance i-1 (cn-hangzhou-h)"
        ),
        (
            "\"DiskId\": \"d-xyz\"", "\"DiskId\": \"disk-xyz\"", .invalidValue,
            "DiskId \"disk-xyz\" must start with \"d-\""
        ),
        (
            "\"InstanceId\": \"i-1\", \"Device\": \"/dev/xvdb\"", "\"Device\": \"/dev/xvdb\"", .missingField,
            "Disks[1] (d-xyz): Status In_use needs an InstanceId"
        ),
        (
            "\"Status\": \"In_use\", \"InstanceId\": \"i-1\", \"Device\": \"/dev/xvdb\"",
            "\"Status\": \"Available\", \"InstanceId\": \"i-1\", \"Device\": \"/dev/xvdb\"", .invalidValue,
            "Disks[1] (d-xyz): an Available disk is not attached, so it has no InstanceId"
        ),
        (
            "\"Type\": \"data\", \"Category\": \"cloud_essd\", \"Size\": 100, \"Status\": \"In_use\", \"InstanceId\": \"i-1\"",
            "\"Type\": \"system\", \"Category\": \"cloud_essd\", \"Size\": 100, \"Status\": \"Available\"",
            .missingField, "Disks[1] (d-xyz): a system disk needs an ImageId"
        ),
        (
            "\"Device\": \"/dev/xvda\"", "\"Device\": \"/dev/xvda\", \"TransitionEndTime\": \"2024-01-01T00:00:05Z\"",
            .invalidValue, "Disks[0] (d-sys): TransitionEndTime applies to ReIniting only, not In_use"
        ),
        (
            "\"Category\": \"cloud_essd\", \"Size\": 100", "\"Category\": \"floppy\", \"Size\": 100", .invalidValue,
            "Disks[1] (d-xyz): Category \"floppy\" is not one of cloud, cloud_efficiency, cloud_ssd"
        ),
        (
            "\"OSType\": \"linux\", \"InstanceChargeType\"", "\"OSType\": \"macos\", \"InstanceChargeType\"",
            .invalidValue, "Instances[0] (i-1): OSType \"macos\" is not one of linux, windows"
        ),
        (
            "\"Status\": \"Stopped\"", "\"Status\": \"Running\", \"EverStarted\": false", .invalidValue,
            "Instances[0] (i-1): EverStarted is false but Status is Running"
        ),
        (
            "\"ZoneId\": \"cn-hangzhou-h\", \"Status\": \"Stopped\"",
            "\"ZoneId\": \"cn-shanghai-a\", \"Status\": \"Stopped\"", .unknownReference,
            "Instances[0] (i-1): ZoneId \"cn-shanghai-a\" is not a zone of cn-hangzhou"
        ),
        (
            "\"CreationTime\": \"2024-01-01T00:00:00Z\"", "\"CreationTime\": \"yesterday\"", .invalidValue,
            "Snapshots[0] (s-1): CreationTime \"yesterday\" is not a UTC time such as 2013-07-15T00:00:00Z"
        ),
        (
            "\"CreationTime\": \"2024-01-01T00:00:00Z\"", "\"CreationTime\": \"2024-02-30T00:00:00Z\"", .invalidValue,
            "Snapshots[0] (s-1): CreationTime \"2024-02-30T00:00:00Z\" is not a UTC time"
        ),
        (
            "\"ImageOwnerAlias\": \"system\"", "\"ImageOwnerAlias\": \"system\", \"Deleted\": \"no\"", .invalidValue,
            "Images[0] (img-1): Deleted must be true or false"
        ),
        (
            "\"KeyPairName\": \"kp\", \"RegionId\": \"cn-hangzhou\"",
            "\"KeyPairName\": \"kp\", \"RegionId\": \"us-east-1\"",
            .unknownReference, "KeyPairs[0] (kp): RegionId \"us-east-1\" is not one of the Regions"
        ),
        (
            "\"Zones\": [\"cn-hangzhou-h\", \"cn-hangzhou-i\"]", "\"Zones\": [\"cn-hangzhou-h\", 7]", .invalidValue,
            "Regions[0] (cn-hangzhou): Zones[1] must be a string"
        ),
        (
            "\"Zones\": [\"cn-hangzhou-h\", \"cn-hangzhou-i\"]", "\"Zones\": [\"cn-hangzhou-h\", \"cn-hangzhou-h\"]",
            .duplicateId, "Regions: zone \"cn-hangzhou-h\" is listed twice"
        ),
        (
            "\"AccessKeySecret\": \"sk\", \"InWhiteList\": true", "\"AccessKeySecret\": \"sk\"", .missingField,
            "Accounts[0] (ak): missing required field \"InWhiteList\""
        ),
        (
            "\"Timing\": {\"ReInitSeconds\": 5, \"StartSeconds\": 3, \"StopSeconds\": 3}",
            "\"Timing\": {\"ReInitSeconds\": 5}", .missingField, "Timing: missing required field \"StartSeconds\""
        ),
        (
            "\"StopSeconds\": 3", "\"StopSeconds\": -1", .invalidValue,
            "Timing: StopSeconds must be zero or more seconds"
        ),
        (
            "\"StopSeconds\": 3", "\"StopSeconds\": \"3s\"", .invalidValue, "Timing: StopSeconds must be a number"
        ),
    ])
    func validationNamesTheEntryAndField(_ old: String, _ new: String, _ kind: WorldError.Kind, _ fragment: String) {
        let text = Self.base(replacing: old, with: new)
        #expect {
            try World.load(from: Data(text.utf8))
        } throws: { error in
            guard let error = error as? WorldError else { return false }
            #expect(error.kind == kind)
            #expect(error.message.hasPrefix(fragment) || error.message.contains(fragment), "\(error.message)")
            return error.kind == kind && error.message.contains(fragment)
        }
    }

    @Test func aSecondSystemDiskOnAnInstanceIsRefused() {
        let text = Self.base(replacing: "\"Type\": \"data\"", with: "\"Type\": \"system\", \"ImageId\": \"img-1\"")
        #expect(throws: WorldError(.invalidValue, "Disks[0] (d-sys): instance i-1 already has the system disk d-xyz")) {
            try World.load(from: Data(text.utf8))
        }
    }

    @Test(arguments: [
        (
            "{\n  \"Regions\": [\n    {\"RegionId\": \"x\" \"LocalName\": \"y\"}\n  ]\n}",
            "not valid JSON at line 3, column 22: expected ',' or '}' after an object member"
        ),
        ("", "not valid JSON at line 1, column 1: expected a value, found the end of the text"),
        ("{\"Regions\": [],}", "not valid JSON at line 1, column 16: expected a member name in double quotes"),
        ("{\"Regions\": [1, ]}", "not valid JSON at line 1, column 17: expected a value"),
        ("{\"Regions\": [\n\"abc]}", "not valid JSON at line 2, column 1: unterminated string"),
        (
            "{\"Regions\": tru}",
            "not valid JSON at line 1, column 13: expected a value (true, false and null are lower case"
        ),
        (
            "{\"Regions\": [] } x",
            "not valid JSON at line 1, column 18: unexpected text after the end of the JSON value"
        ),
        (
            "{\"Disks\": [{\"Size\": 01}]}",
            "not valid JSON at line 1, column 22: expected ',' or '}' after an object member"
        ),
        ("{'Disks': []}", "not valid JSON at line 1, column 2: expected a member name in double quotes"),
        ("{\"名前\": \"値\" x}", "not valid JSON at line 1, column 12: expected ',' or '}'"),
        (String(repeating: "[", count: 512), "not valid JSON at line 1, column 513: expected a value"),
        (
            String(repeating: "[", count: 513) + String(repeating: "]", count: 513),
            "not valid JSON at line 1, column 513: arrays and objects nested more than 512 deep"
        ),
    ])
    func malformedJSONIsLocated(_ text: String, _ fragment: String) {
        #expect {
            try World.load(from: Data(text.utf8))
        } throws: { error in
            guard let error = error as? WorldError else { return false }
            #expect(error.message.hasPrefix(fragment), "\(error.message)")
            return error.kind == .malformedJSON && error.message.hasPrefix(fragment)
        }
    }

    @Test(arguments: [
        "[]", "42", "\"world\"", "null", String(repeating: "[", count: 512) + String(repeating: "]", count: 512),
    ])
    func theTopMustBeAnObject(_ text: String) {
        #expect(
            throws: WorldError(
                .invalidValue, "the world must be a JSON object with Accounts, Regions, Images, … at the top")
        ) { try World.load(from: Data(text.utf8)) }
    }

    @Test func aListThatIsNotAListIsNamed() {
        #expect(throws: WorldError(.invalidValue, "Disks must be a JSON array")) {
            try World.load(from: Data("{\"Disks\": {}}".utf8))
        }
        #expect(throws: WorldError(.invalidValue, "Disks[0] must be a JSON object")) {
            try World.load(from: Data("{\"Disks\": [3]}".utf8))
        }
    }

    @Test func errorsFromAFileCarryItsPath() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("world-\(UUID().uuidString).json").path
        try Data(Self.base(replacing: "\"Size\": 100, ", with: "").utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try World.load(contentsOf: path)
        } throws: { error in
            (error as? WorldError)?.description == "\(path): Disks[1] (d-xyz): missing required field \"Size\""
        }
    }

    @Test func anUnreadableFileIsReported() {
        #expect {
            try World.load(contentsOf: "/nonexistent/world.json")
        } throws: { error in
            guard let error = error as? WorldError else { return false }
            return error.kind == .unreadable && error.description.hasPrefix("/nonexistent/world.json: cannot read")
        }
    }

    @Test func transitionalStatesCanBeWrittenDown() throws {
        let text = Self.base(
            replacing: "\"Status\": \"In_use\", \"InstanceId\": \"i-1\", \"Device\": \"/dev/xvdb\"",
            with:
                "\"Status\": \"ReIniting\", \"TransitionEndTime\": \"2024-01-01T00:00:05Z\", \"InstanceId\": \"i-1\", \"Device\": \"/dev/xvdb\""
        )
        let world = try World.load(from: Data(text.utf8))
        let end = try #require(UTCTime.parse("2024-01-01T00:00:05Z"))
        #expect(world.disks[1].status(at: end - 1) == .reIniting)
        #expect(world.disks[1].status(at: end) == .inUse)
    }

    @Test(arguments: [
        ("2013-07-15T00:00:00Z", "2013-07-15T00:00:00Z"),
        ("2019-11-11T08:35Z", "2019-11-11T08:35:00Z"),
        ("2024-01-01T23:59:59.5Z", "2024-01-01T23:59:59Z"),
    ])
    func utcTimes(_ text: String, _ formatted: String) throws {
        let date = try #require(UTCTime.parse(text))
        #expect(UTCTime.format(date) == formatted)
    }

    @Test(arguments: ["2024-01-01", "2024-01-01T00:00:00", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z", "x"])
    func notUTCTimes(_ text: String) {
        #expect(UTCTime.parse(text) == nil)
    }
}
