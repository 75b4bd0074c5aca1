public import AliyunCore
import ECS

/// ReInitDisk (ECS API 2014-05-26): puts a disk back to its state at creation. A system disk goes back
/// to its image, a data disk made empty goes back to empty, a data disk made from a snapshot goes back
/// to that snapshot; the disk keeps its id, its attachment and its snapshots.
///
/// Parameters: `DiskId` (required), `RegionId`, `AutoStartInstance` (Boolean, any case), `Password`,
/// `KeyPairName`, `SecurityEnhancementStrategy` (`Active`, public images only, or `Deactive`).
///
/// The checks, in this order; the first that fails answers:
/// 1. `DiskId` present: `MissingParameter` (400).
/// 2. `RegionId`, when given, well-formed and one of the world's regions: `InvalidRegionId.MalFormed` (400).
/// 3. `AutoStartInstance` a Boolean, `SecurityEnhancementStrategy` `Active` or `Deactive`:
///    `InvalidParameter` (400).
/// 4. `Password` of the right length and kinds of characters: `InvalidPassword.Malformed` (400).
/// 5. The disk exists (in `RegionId`, when given); a malformed id is simply not found:
///    `InvalidDiskId.NotFound` (404).
/// 6. A multi-attach (shared block storage) disk: `UserNotInTheWhiteList` (403) for an account off the
///    white list, else `InvalidOperation.MultiAttachDisk` (403).
/// 7. A local disk category (`local_ssd_pro`, `local_hdd_pro`, `ephemeral`, `ephemeral_ssd`):
///    `DiskCategory.OperationNotSupported` (400).
/// 8. The disk `In_use`: `IncorrectDiskStatus` (403).
/// 9. No snapshot of the disk in progress: `DiskCreatingSnapshot` (403).
/// 10. Its instance not locked for security: `InstanceLockedForSecurity` (403).
/// 11. Its instance not expired or in arrears: `InstanceExpiredOrInArrears` (403).
/// 12. Its instance `Stopped` and started at least once before: `IncorrectInstanceStatus` (403).
/// 13. An SSD-backed disk (`cloud_ssd`, `cloud_essd`, `cloud_auto`, `cloud_essd_entry`) on an instance that
///     is not I/O optimised: `DependencyViolation.IoOptimize` (400).
/// 14. The source still there. A system disk: its image record missing altogether →
///     `InvalidDiskId.OperationNotSupported` (404); the image deleted → `SharedImageDeleted` (403) when it
///     was shared by another account (`ImageOwnerAlias` `others`), else `InvalidImageId.NotFound` (404).
///     A data disk made from a snapshot: the snapshot record missing altogether → `OperationDenied` (403);
///     the snapshot marked deleted → `InvalidSourceSnapshot` (403); made before 2013-07-15 →
///     `InvalidSnapshot.TooOld` (403).
/// 15. `SecurityEnhancementStrategy=Active` for a system disk whose image is not public:
///     `InvalidParameter` (400), the message saying that Active needs a public image.
/// 16. `KeyPairName` one of the key pairs of the disk's region: `InvalidKeyPairName.NotFound` (400).
/// 17. On a Windows instance, a `Password` not starting with `/`: `InvalidPassword.Malformed` (400).
///
/// On success the disk is `ReIniting` for `Timing.ReInitSeconds`, then `In_use`. With
/// `AutoStartInstance=true` the instance is `Starting` at once, until the re-initialisation has ended and
/// `Timing.StartSeconds` more have passed, then `Running`; it counts as started from then on. A
/// `KeyPairName` given for a system disk becomes the instance's key pair; the password is not kept.
/// The response body is empty: the caller adds `RequestId`.
public struct ReInitDiskHandler: ActionHandler {
    public let action = "ReInitDisk"
    public let isMutating = true

    public init() {}

    public func handle(_ request: ActionRequest, in world: inout World) throws(APIError) -> [String: JSONValue] {
        let parameters = RequestParameters(request)
        let diskId = try parameters.required("DiskId")
        let regionId = parameters.text("RegionId")
        if let regionId, !Self.isWellFormedRegionId(regionId) || world.region(regionId) == nil {
            throw ActionErrors.regionIdMalformed
        }
        let autoStart = try parameters.bool("AutoStartInstance") ?? false
        let hardening = parameters.text("SecurityEnhancementStrategy")
        if let hardening, hardening != "Active", hardening != "Deactive" {
            throw ActionErrors.invalidParameter("SecurityEnhancementStrategy")
        }
        let password = parameters.text("Password")
        if let password, PasswordRule.problem(with: password) != nil { throw ActionErrors.passwordMalformed }
        let keyPairName = parameters.text("KeyPairName")

        guard let diskIndex = world.diskIndex(diskId), diskId.hasPrefix("d-"),
            regionId == nil || world.disks[diskIndex].regionId == regionId
        else { throw ActionErrors.diskNotFound }
        let disk = world.disks[diskIndex]
        let now = request.now

        if disk.multiAttach {
            throw request.account.inWhiteList ? ActionErrors.multiAttachDisk : ActionErrors.userNotInWhiteList
        }
        if disk.category.isLocal { throw ActionErrors.diskCategoryNotSupported }
        guard disk.status(at: now) == .inUse, let instanceId = disk.instanceId,
            let instanceIndex = world.instanceIndex(instanceId)
        else { throw ActionErrors.incorrectDiskStatus }
        if disk.creatingSnapshot { throw ActionErrors.diskCreatingSnapshot }

        let instance = world.instances[instanceIndex]
        if instance.lockedForSecurity { throw ActionErrors.instanceLockedForSecurity }
        if instance.expiredOrInArrears { throw ActionErrors.instanceExpiredOrInArrears }
        guard instance.status(at: now) == .stopped, instance.lifecycle.everStarted else {
            throw ActionErrors.incorrectInstanceStatus
        }
        if disk.category.needsIoOptimizedInstance, !instance.ioOptimized { throw ActionErrors.ioOptimizeViolation }

        try Self.checkSource(of: disk, in: world, hardening: hardening)
        if let keyPairName, world.keyPair(keyPairName, in: disk.regionId) == nil {
            throw ActionErrors.keyPairNotFound
        }
        if let password, PasswordRule.problem(with: password, windows: instance.osType == .windows) != nil {
            throw ActionErrors.passwordMalformed
        }

        // Accepted: the disk re-initialises; the instance may start.
        guard case .began = world.disks[diskIndex].lifecycle.reInit(at: now, lasting: world.timing.reInitSeconds)
        else { throw ActionErrors.incorrectDiskStatus }
        if autoStart {
            _ = world.instances[instanceIndex].lifecycle.start(
                at: now, lasting: world.timing.reInitSeconds + world.timing.startSeconds)
        }
        if disk.type == .system, let keyPairName { world.instances[instanceIndex].keyPairName = keyPairName }
        return [:]
    }

    /// Step 14 and 15: the image or snapshot the disk goes back to, and security hardening on that image.
    private static func checkSource(of disk: Disk, in world: World, hardening: String?) throws(APIError) {
        switch disk.type {
        case .system:
            guard let imageId = disk.imageId, let image = world.image(imageId, in: disk.regionId) else {
                throw ActionErrors.diskImageMissing
            }
            if image.deleted {
                throw image.imageOwnerAlias == .others ? ActionErrors.sharedImageDeleted : ActionErrors.imageNotFound
            }
            if hardening == "Active", !image.isPublic {
                throw ActionErrors.invalidParameter(
                    "SecurityEnhancementStrategy", "Active is supported for public images only.")
            }
        case .data:
            guard let snapshotId = disk.sourceSnapshotId else { return }  // an empty disk goes back to empty
            guard let snapshot = world.snapshot(snapshotId) else { throw ActionErrors.operationDenied }
            if snapshot.deleted { throw ActionErrors.invalidSourceSnapshot }
            if snapshot.isTooOld { throw ActionErrors.snapshotTooOld }
        }
    }

    /// `cn-hangzhou`, `ap-southeast-1`: lower-case words and digits joined by single hyphens.
    static func isWellFormedRegionId(_ regionId: String) -> Bool {
        let parts = regionId.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count >= 2
            && parts.allSatisfy { part in
                !part.isEmpty && part.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            }
    }
}
