/// Facts about the ECS API (version 2014-05-26) that more than one part of ecsh needs.
public enum ECSAPI {
    public static let version = "2014-05-26"

    /// Whether `action` takes a `RegionId` parameter, so that `call` can add the session's region as the
    /// official SDKs do. Most actions do; these, by the API's own definition, do not.
    public static func takesRegionId(_ action: String) -> Bool {
        !actionsWithoutRegionId.contains(action)
    }

    private static let actionsWithoutRegionId: Set<String> = [
        "AllocatePublicIpAddress", "ApplyAutoSnapshotPolicy", "AttachDisk", "CancelAutoSnapshotPolicy",
        "CreateAutoSnapshotPolicy", "CreateSnapshot", "DeleteAutoSnapshotPolicy", "DeleteDisk", "DeleteInstance",
        "DeleteSnapshot", "DescribeDiskMonitorData", "DescribeInstanceAttribute", "DescribeInstanceMonitorData",
        "DescribeInstanceTypes", "DescribeLimitation", "DescribeRegions", "DetachDisk", "ModifyAutoSnapshotPolicyEx",
        "ModifyDiskDeployment", "ModifyDiskSpec", "ModifyInstanceAttribute", "ModifyInstanceNetworkOptions",
        "ModifyInstanceNetworkSpec", "ModifyInstanceSpec", "ModifyInstanceVpcAttribute", "ModifySnapshotAttribute",
        "ModifySnapshotCategory", "ReInitDisk", "RebootInstance", "RedeployInstance", "RenewInstance",
        "ReplaceSystemDisk", "ResetDisk", "ResizeDisk", "SendDiagnosticInterrupt", "StartInstance", "StopInstance",
    ]
}
