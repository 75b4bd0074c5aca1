public import AliyunCore

/// StartInstance (ECS API 2014-05-26): starts a `Stopped` instance, which is `Starting` for
/// `Timing.StartSeconds`, then `Running`; from then on it counts as started (ReInitDisk needs that).
///
/// Parameters: `InstanceId` (required), `RegionId`, `InitLocalDisk` and `DryRun` (Booleans).
///
/// The checks, in order: `MissingParameter` (400) without `InstanceId`; `InvalidRegionId.NotFound` (404);
/// `InvalidInstanceId.NotFound` (404); `InvalidParameter` (400) for a Boolean that is not one;
/// `InstanceLockedForSecurity` (403); `InstanceExpiredOrInArrears` (403); `IncorrectInstanceStatus` (403)
/// unless the instance is `Stopped`; `IncorrectDiskStatus` (403) while one of its disks is `ReIniting`;
/// `DryRunOperation` (400) with `DryRun=true`. The response body is empty.
public struct StartInstanceHandler: ActionHandler {
    public let action = "StartInstance"
    public let isMutating = true

    public init() {}

    public func handle(_ request: ActionRequest, in world: inout World) throws(APIError) -> [String: JSONValue] {
        let parameters = RequestParameters(request)
        let index = try parameters.instanceIndex(in: world)
        _ = try parameters.bool("InitLocalDisk")
        let dryRun = try parameters.bool("DryRun") == true
        let instance = world.instances[index]
        let now = request.now
        if instance.lockedForSecurity { throw ActionErrors.instanceLockedForSecurityReasons }
        if instance.expiredOrInArrears { throw ActionErrors.instanceExpiredOrInArrears }
        guard instance.status(at: now) == .stopped else { throw ActionErrors.incorrectInstanceStatus }
        if world.disks(attachedTo: instance.instanceId).contains(where: { $0.status(at: now) == .reIniting }) {
            throw ActionErrors.incorrectDiskStatus
        }
        if dryRun { throw ActionErrors.dryRunOperation }
        guard case .began = world.instances[index].lifecycle.start(at: now, lasting: world.timing.startSeconds) else {
            throw ActionErrors.incorrectInstanceStatus
        }
        return [:]
    }
}
