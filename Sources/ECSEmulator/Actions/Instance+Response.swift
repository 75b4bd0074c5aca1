import AliyunCore
import Foundation

extension Instance {
    /// The instance as DescribeInstances returns it at `now`: the API's field names and types, lists wrapped.
    func response(at now: Date) -> JSONValue {
        var locks: [JSONValue] = []
        if lockedForSecurity {
            locks.append(.object(["LockReason": .string("security")]))
        }
        if expiredOrInArrears {
            locks.append(.object(["LockReason": .string("financial")]))
        }
        let family = instanceType.map { type in type.split(separator: ".").prefix(2).joined(separator: ".") } ?? ""
        return .object([
            "InstanceId": .string(instanceId),
            "InstanceName": .string(instanceName ?? ""),
            "Description": .string(description ?? ""),
            "HostName": .string(instanceName ?? instanceId),
            "RegionId": .string(regionId),
            "ZoneId": .string(zoneId),
            "Status": .string(status(at: now).rawValue),
            "OSType": .string(osType.rawValue),
            "InstanceChargeType": .string(instanceChargeType.rawValue),
            "ImageId": .string(imageId ?? ""),
            "InstanceType": .string(instanceType ?? ""),
            "InstanceTypeFamily": .string(family),
            "IoOptimized": .bool(ioOptimized),
            "KeyPairName": .string(keyPairName ?? ""),
            "InstanceNetworkType": .string("vpc"),
            "InternetChargeType": .string("PayByTraffic"),
            "StoppedMode": .string("Not-applicable"),
            "SpotStrategy": .string("NoSpot"),
            "DeletionProtection": .bool(false),
            "Recyclable": .bool(false),
            "CreationTime": .string(creationTime.map(UTCTime.formatMinutes) ?? ""),
            "ExpiredTime": .string(""),
            "ResourceGroupId": .string(""),
            "OperationLocks": .object(["LockReason": .array(locks)]),
            "SecurityGroupIds": .object(["SecurityGroupId": .array([])]),
            "InnerIpAddress": .object(["IpAddress": .array([])]),
            "PublicIpAddress": .object(["IpAddress": .array([])]),
            "Tags": .object(["Tag": .array([])]),
        ])
    }
}
