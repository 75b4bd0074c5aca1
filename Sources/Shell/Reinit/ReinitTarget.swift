import ECS

/// One disk `reinit` is about to reset: what the preflight saw of it, and the request it will send.
struct ReinitTarget: Sendable {
    var diskId: String
    /// nil with `--no-preflight`: nothing was described.
    var disk: Disk?
    var instance: Instance?
    var request: ReInitDiskRequest
    /// `--stop-first` and the instance is not yet Stopped.
    var needsStop = false

    var instanceId: String? { disk?.instanceId ?? instance?.instanceId }
}
