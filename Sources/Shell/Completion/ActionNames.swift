/// The ECS actions `call` completes: the common ones, not the API's hundreds; any other name still works.
enum ActionNames {
    static let common = [
        "AttachDisk", "CreateSnapshot", "DescribeAvailableResource", "DescribeDisks", "DescribeImages",
        "DescribeInstanceAttribute", "DescribeInstanceStatus", "DescribeInstanceTypes", "DescribeInstances",
        "DescribeKeyPairs", "DescribeRegions", "DescribeSecurityGroups", "DescribeSnapshots", "DescribeZones",
        "DetachDisk", "ModifyInstanceAttribute", "ReInitDisk", "RebootInstance", "ResetDisk", "StartInstance",
        "StopInstance",
    ]
}
