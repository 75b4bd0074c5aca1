import Testing

@testable import Shell

struct CallCommandTests {
    @Test func parsesActionAndParameters() throws {
        let command = try CallCommand(arguments: [
            "DescribeDisks", "DiskIds=[\"d-1\",\"d-2\"]", "PageSize=50", "Tag.1.Key=env", "Empty=", "Eq=a=b",
        ])
        #expect(command.action == "DescribeDisks")
        #expect(
            command.parameters == [
                "DiskIds": "[\"d-1\",\"d-2\"]", "PageSize": "50", "Tag.1.Key": "env", "Empty": "", "Eq": "a=b",
            ])
    }

    @Test func addsTheSessionRegionWhenTheActionTakesOne() throws {
        let describe = try CallCommand(arguments: ["DescribeDisks"])
        #expect(describe.parameters(region: "cn-shanghai") == ["RegionId": "cn-shanghai"])
        #expect(describe.parameters(region: nil) == [:])
        let explicit = try CallCommand(arguments: ["DescribeDisks", "RegionId=cn-beijing"])
        #expect(explicit.parameters(region: "cn-shanghai") == ["RegionId": "cn-beijing"])
        let reinit = try CallCommand(arguments: ["ReInitDisk", "DiskId=d-1"])
        #expect(reinit.parameters(region: "cn-shanghai") == ["DiskId": "d-1"])
        let regions = try CallCommand(arguments: ["DescribeRegions"])
        #expect(regions.parameters(region: "cn-shanghai") == [:])
    }

    @Test(arguments: [
        ([], "call needs an action, e.g. `call DescribeRegions` (usage: call ACTION [Key=Value…])"),
        (["describeDisks"], "\"describeDisks\" is not an action name (actions look like DescribeDisks)"),
        (["Describe-Disks"], "\"Describe-Disks\" is not an action name (actions look like DescribeDisks)"),
        (["DescribeDisks", "DiskId"], "expected Key=Value, got \"DiskId\" (usage: call ACTION [Key=Value…])"),
        (["DescribeDisks", "=x"], "expected Key=Value, got \"=x\" (usage: call ACTION [Key=Value…])"),
        (["DescribeDisks", "Disk Id=x"], "\"Disk Id\" is not a parameter name (names look like DiskId or Tag.1.Key)"),
        (["DescribeDisks", "A=1", "A=2"], "parameter A is given twice"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) {
        #expect(throws: UsageError(message)) { try CallCommand(arguments: arguments) }
    }
}
