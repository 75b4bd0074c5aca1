public import AliyunCore

/// StopInstance (ECS API 2014-05-26): stops a `Running` instance, which is `Stopping` for
/// `Timing.StopSeconds`, then `Stopped`. `ForceStop=true` (power off) takes the same time here.
///
/// Parameters: `InstanceId` (required), `RegionId`, `ForceStop`, `ConfirmStop`, `DryRun` (Booleans),
/// `StoppedMode` (`KeepCharging`, `StopCharging`).
///
/// The checks, in order: `MissingParameter` (400) without `InstanceId`; `InvalidRegionId.NotFound` (404);
/// `InvalidInstanceId.NotFound` (404); `InvalidParameter` (400) for a Boolean that is not one or another
/// `StoppedMode`; `InstanceLockedForSecurity` (403); `IncorrectInstanceStatus` (403) unless the instance
/// is `Running`; `DryRunOperation` (400) with `DryRun=true`. The response body is empty.
public struct StopInstanceHandler: ActionHandler {
    public let action = "StopInstance"
    public let isMutating = true

    public init() {}

    public func handle(_ request: ActionRequest, in world: inout World) throws(APIError) -> [String: JSONValue] {
        let parameters = RequestParameters(request)
        let index = try parameters.instanceIndex(in: world)
        _ = try parameters.bool("ForceStop")
        _ = try parameters.bool("ConfirmStop")
        let dryRun = try parameters.bool("DryRun") == true
        if let mode = parameters.text("StoppedMode"), mode != "KeepCharging", mode != "StopCharging" {
            throw ActionErrors.invalidParameter("StoppedMode")
        }
        let instance = world.instances[index]
        let now = request.now
        if instance.lockedForSecurity { throw ActionErrors.instanceLockedForSecurityReasons }
        guard instance.status(at: now) == .running else { throw ActionErrors.incorrectInstanceStatus }
        if dryRun { throw ActionErrors.dryRunOperation }
        guard case .began = world.instances[index].lifecycle.stop(at: now, lasting: world.timing.stopSeconds) else {
            throw ActionErrors.incorrectInstanceStatus
        }
        return [:]
    }
}
