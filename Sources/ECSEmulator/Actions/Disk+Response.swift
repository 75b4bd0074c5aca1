import AliyunCore
import Foundation

extension Disk {
    /// The disk as DescribeDisks returns it at `now`: the API's field names and types, lists wrapped.
    func response(at now: Date) -> JSONValue {
        let status = status(at: now)
        let attached = status.isAttached ? instanceId : nil
        var mounts: [JSONValue] = []
        if multiAttach, let attached {
            let mount: [String: JSONValue] = [
                "InstanceId": .string(attached), "Device": .string(device ?? ""), "AttachedTime": time(attachedTime),
            ]
            mounts.append(.object(mount))
        }
        return .object([
            "DiskId": .string(diskId),
            "DiskName": .string(diskName ?? ""),
            "Description": .string(description ?? ""),
            "RegionId": .string(regionId),
            "ZoneId": .string(zoneId),
            "Type": .string(type.rawValue),
            "Category": .string(category.rawValue),
            "Size": .integer(size),
            "Status": .string(status.rawValue),
            "InstanceId": .string(attached ?? ""),
            "Device": .string(attached == nil ? "" : device ?? ""),
            "ImageId": .string(imageId ?? ""),
            "SourceSnapshotId": .string(sourceSnapshotId ?? ""),
            "MultiAttach": .string(multiAttach ? "Enabled" : "Disabled"),
            "MountInstanceNum": .integer(mounts.count),
            "MountInstances": .object(["MountInstance": .array(mounts)]),
            "Portable": .bool(portable),
            "DeleteWithInstance": .bool(deleteWithInstance),
            "DeleteAutoSnapshot": .bool(false),
            "EnableAutoSnapshot": .bool(false),
            "EnableAutomatedSnapshotPolicy": .bool(false),
            "AutoSnapshotPolicyId": .string(""),
            "Encrypted": .bool(encrypted),
            "KMSKeyId": .string(""),
            "DiskChargeType": .string(diskChargeType.rawValue),
            "PerformanceLevel": .string(category == .cloudESSD ? "PL1" : ""),
            "CreationTime": time(creationTime),
            "AttachedTime": attached == nil ? .string("") : time(attachedTime),
            "DetachedTime": .string(""),
            "ExpiredTime": .string(""),
            "ResourceGroupId": .string(""),
            "ProductCode": .string(""),
            "OperationLocks": .object(["OperationLock": .array([])]),
            "Tags": .object(["Tag": .array([])]),
        ])
    }

    private func time(_ date: Date?) -> JSONValue { .string(date.map(UTCTime.format) ?? "") }
}
