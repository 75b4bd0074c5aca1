import ECS

/// Polls one resource's status until it is the one awaited, within a timeout. Each poll is one Describe
/// call; between polls it sleeps through `Pacing`, so a cancelled command (Ctrl-C) stops at once.
struct StatusWaiter: Sendable {
    var pacing: Pacing
    /// Seconds.
    var timeout: Int
    var region: String

    /// Waits until `read` returns `target`; `read` returns nil when the resource is not found.
    ///
    /// - Parameters:
    ///   - subject: how errors name the resource, `disk d-x`.
    ///   - progress: told every status read, with the whole seconds waited so far.
    func wait(
        for subject: String, toBe target: String, read: @Sendable () async throws -> String?,
        progress: @Sendable (_ status: String, _ seconds: Int) -> Void = { _, _ in }
    ) async throws {
        let start = pacing.clock.now()
        var lastStatus: String?
        while true {
            try Task.checkCancellation()
            guard let status = try await read() else {
                throw WaitError.vanished(subject: subject, target: target, region: region)
            }
            lastStatus = status
            let seconds = Int(pacing.elapsed(since: start))
            progress(status, seconds)
            if status == target { return }
            guard seconds < timeout else {
                throw WaitError.timedOut(subject: subject, target: target, lastStatus: lastStatus, seconds: timeout)
            }
            try await pacing.sleep(pacing.interval)
        }
    }

    /// Waits until disk `diskId` is `target`, polling DescribeDisks.
    func wait(
        forDisk diskId: String, toBe target: String, client: ECSClient,
        progress: @Sendable (_ status: String, _ seconds: Int) -> Void = { _, _ in }
    ) async throws {
        try await wait(
            for: "disk \(diskId)", toBe: target,
            read: { [region] in try await client.status(ofDisk: diskId, region: region) },
            progress: progress)
    }

    /// Waits until instance `instanceId` is `target`, polling DescribeInstances.
    func wait(
        forInstance instanceId: String, toBe target: String, client: ECSClient,
        progress: @Sendable (_ status: String, _ seconds: Int) -> Void = { _, _ in }
    ) async throws {
        try await wait(
            for: "instance \(instanceId)", toBe: target,
            read: { [region] in try await client.status(ofInstance: instanceId, region: region) }, progress: progress)
    }
}
