import AliyunCore
import ECS

/// The preconditions of ReInitDisk that DescribeDisks and DescribeInstances show, checked before any
/// disk is touched, in the order the API checks them so that the first problem named is the error the
/// API would answer. What Describe does not show (the image or snapshot behind a disk, a snapshot in
/// progress, an instance stopped but never started) is left to the API.
struct Preflight: Sendable {
    var region: String
    var settings: ReinitSettings
    /// `--stop-first`: a Running (or Stopping) instance is no problem, it will be stopped.
    var stopFirst: Bool

    /// Describes the disks (one call) and their instances (one call), and the key pairs when one is sent;
    /// throws `PreflightError` when any disk fails a check.
    func run(diskIds: [String], client: ECSClient) async throws -> [ReinitTarget] {
        let disks = try await client.describeDisks(region: region, diskIds: diskIds)
        let instanceIds = Array(Set(disks.compactMap(\.instanceId))).sorted()
        let instances =
            instanceIds.isEmpty ? [] : try await client.describeInstances(region: region, instanceIds: instanceIds)
        var targets: [ReinitTarget] = []
        var problems: [String] = []
        for diskId in diskIds {
            let disk = disks.first { $0.diskId == diskId }
            let instance = disk?.instanceId.flatMap { id in instances.first { $0.instanceId == id } }
            let request = settings.request(diskId: diskId, type: disk?.type, windows: instance?.isWindows)
            if let problem = Self.problem(disk: disk, instance: instance, request: request, diskId: diskId, in: self) {
                problems.append("\(diskId): \(problem)")
            } else {
                let status = instance?.status
                targets.append(
                    ReinitTarget(
                        diskId: diskId, disk: disk, instance: instance, request: request,
                        needsStop: stopFirst && (status == "Running" || status == "Stopping")))
            }
        }
        if problems.isEmpty, let name = targets.lazy.compactMap(\.request.keyPairName).first {
            let known = try await client.describeKeyPairs(region: region).map(\.keyPairName)
            if !known.contains(name) {
                problems = targets.filter { $0.request.keyPairName == name }.map {
                    "\($0.diskId): key pair \(name) does not exist in region \(region) "
                        + "(`keypairs` lists them; InvalidKeyPairName.NotFound)"
                }
            }
        }
        guard problems.isEmpty else { throw PreflightError(problems: problems, diskCount: diskIds.count) }
        return targets
    }

    /// What is wrong with one disk, without its id in front; nil when nothing visible is.
    static func problem(
        disk: Disk?, instance: Instance?, request: ReInitDiskRequest, diskId: String, in preflight: Preflight
    ) -> String? {
        let region = preflight.region
        guard let disk else {
            return "no such disk in region \(region): check the id (`disks` lists this region's disks) "
                + "or switch with `use region ID` (InvalidDiskId.NotFound)"
        }
        if disk.raw["MultiAttach"]?.stringValue == "Enabled" {
            return "the disk is multi-attach (shared), which ReInitDisk does not support; leave it out "
                + "(InvalidOperation.MultiAttachDisk)"
        }
        if localCategories.contains(disk.category) {
            return "the disk is a local disk (\(disk.category)), which ReInitDisk does not support; leave it out "
                + "(DiskCategory.OperationNotSupported)"
        }
        if let problem = statusProblem(of: disk) { return problem }
        guard let instance, let instanceId = disk.instanceId else {
            return "its instance \(disk.instanceId ?? "?") was not found in region \(region); "
                + "check with `disk \(diskId)`"
        }
        let locks = lockReasons(of: instance)
        if locks.contains("security") {
            return "instance \(instanceId) is locked for security reasons; ReInitDisk is refused until "
                + "the lock is lifted (see the ECS console; InstanceLockedForSecurity)"
        }
        if locks.contains("financial") {
            return "instance \(instanceId) has expired or is in arrears; renew it or settle the account, "
                + "then try again (InstanceExpiredOrInArrears)"
        }
        if let problem = instanceProblem(instance, stopFirst: preflight.stopFirst) { return problem }
        if ssdCategories.contains(disk.category), instance.raw["IoOptimized"] == .bool(false) {
            return "the disk is \(disk.category) on instance \(instanceId), which is not I/O optimised; "
                + "ReInitDisk refuses it (DependencyViolation.IoOptimize)"
        }
        if instance.isWindows, request.keyPairName != nil {
            return "instance \(instanceId) runs Windows, which takes no key pair: drop --keypair "
                + "(a Windows login is reset with `set password`)"
        }
        do throws(ReInitDiskRequest.ValidationError) {
            try request.validate(windows: instance.isWindows)
        } catch {
            return "\(error.description(language: .en)) (instance \(instanceId) runs \(instance.osType ?? "linux"))"
        }
        return nil
    }

    private static func statusProblem(of disk: Disk) -> String? {
        switch disk.status {
        case "In_use":
            return nil
        case "Available":
            return "the disk is Available, not attached to an instance; ReInitDisk needs it In_use: attach it first "
                + "(IncorrectDiskStatus)"
        case "ReIniting":
            return
                "the disk is still ReIniting from an earlier reinit; wait for it with `wait disk \(disk.diskId) In_use` "
                + "(IncorrectDiskStatus)"
        default:
            return "the disk is \(disk.status); ReInitDisk needs it In_use: `wait disk \(disk.diskId) In_use` first "
                + "(IncorrectDiskStatus)"
        }
    }

    private static func instanceProblem(_ instance: Instance, stopFirst: Bool) -> String? {
        let id = instance.instanceId
        switch instance.status {
        case "Stopped":
            // ECS shows an empty StartTime for an instance never started; the emulator shows none at all.
            if instance.raw["StartTime"]?.stringValue == "" {
                return "instance \(id) has never been started; ReInitDisk needs it started once "
                    + "(`start \(id) --wait`, then `stop \(id) --wait`) (IncorrectInstanceStatus)"
            }
            return nil
        case "Running", "Stopping":
            guard !stopFirst else { return nil }
            let how = instance.status == "Running" ? "`stop \(id) --wait`" : "`wait instance \(id) Stopped`"
            return "instance \(id) is \(instance.status); ReInitDisk needs it Stopped: add --stop-first, "
                + "or run \(how) first (IncorrectInstanceStatus)"
        case "Pending":
            return "instance \(id) has never been started (Pending); ReInitDisk needs it started once and "
                + "then Stopped (IncorrectInstanceStatus)"
        default:
            return "instance \(id) is \(instance.status); ReInitDisk needs it Stopped: "
                + "`wait instance \(id) Running`, then `stop \(id) --wait` (IncorrectInstanceStatus)"
        }
    }

    /// The `LockReason`s of an instance's `OperationLocks`, wherever the answer nests them.
    static func lockReasons(of instance: Instance) -> Set<String> {
        var reasons: Set<String> = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                for (key, member) in members {
                    if key == "LockReason", let reason = member.stringValue { reasons.insert(reason) }
                    collect(member)
                }
            case .array(let items):
                items.forEach(collect)
            default:
                break
            }
        }
        if let locks = instance.raw["OperationLocks"] { collect(locks) }
        return reasons
    }

    /// Local disks: ReInitDisk answers DiskCategory.OperationNotSupported.
    static let localCategories: Set<String> = ["local_ssd_pro", "local_hdd_pro", "ephemeral", "ephemeral_ssd"]
    /// SSD-backed disks, which need an I/O optimised instance.
    static let ssdCategories: Set<String> = ["cloud_ssd", "cloud_essd", "cloud_auto", "cloud_essd_entry"]
}
