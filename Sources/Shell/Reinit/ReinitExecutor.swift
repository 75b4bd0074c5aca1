import AliyunCore
import ECS

/// Sends the ReInitDisk calls of a `reinit`: the disks of one instance together and in order (stopping
/// the instance first when asked, starting it only with the last of its disks), instances in parallel.
///
/// Each disk gets at most one ReInitDisk call: nothing here retries it, whatever the failure, because a
/// call whose answer was lost may have reset the disk already.
struct ReinitExecutor: Sendable {
    var client: ECSClient
    var region: String
    var pacing: Pacing
    /// `--wait`: after the calls, until each disk is In_use (and an autostarted instance Running).
    var wait: Bool
    /// Seconds, for each wait (the stop of `--stop-first` and `--wait`).
    var timeout: Int
    var parallel: Int
    var progress: ProgressLine?

    /// One outcome per target, in their order; a disk not reached before a cancellation is "not sent".
    func run(_ targets: [ReinitTarget]) async -> [ReinitOutcome] {
        let groups = Self.groups(targets)
        let results = await BoundedConcurrency.map(groups, limit: parallel) { group in
            await run(group: group)
        }
        return zip(groups, results).flatMap { group, outcomes in
            outcomes ?? group.map(Self.notSent)
        }
    }

    /// Disks of one instance in one group, in command-line order; disks of no known instance alone.
    /// Only the last disk of a group keeps `AutoStartInstance=true`: a started instance would refuse the
    /// others.
    static func groups(_ targets: [ReinitTarget]) -> [[ReinitTarget]] {
        var groups: [[ReinitTarget]] = []
        var byInstance: [String: Int] = [:]
        for target in targets {
            if let instanceId = target.instanceId, let index = byInstance[instanceId] {
                groups[index].append(target)
            } else {
                if let instanceId = target.instanceId { byInstance[instanceId] = groups.count }
                groups.append([target])
            }
        }
        return groups.map { group in
            guard group.count > 1, group[0].request.autoStartInstance == true else { return group }
            var adjusted = group
            for index in adjusted.indices.dropLast() { adjusted[index].request.autoStartInstance = false }
            return adjusted
        }
    }

    private static func notSent(_ target: ReinitTarget) -> ReinitOutcome {
        var outcome = ReinitOutcome(diskId: target.diskId, instanceId: target.instanceId, status: "not sent")
        outcome.message = "interrupted before ReInitDisk was sent; the disk is unchanged"
        return outcome
    }

    private var waiter: StatusWaiter { StatusWaiter(pacing: pacing, timeout: timeout, region: region) }

    private func run(group: [ReinitTarget]) async -> [ReinitOutcome] {
        if let first = group.first, first.needsStop, let instanceId = first.instanceId {
            do {
                try await stop(instanceId, status: first.instance?.status, disks: group.map(\.diskId))
            } catch is CancellationError {
                return group.map(Self.notSent)
            } catch {
                group.forEach { progress?.record(.failed, for: $0.diskId) }
                return group.map { ReinitOutcome.failure($0, StopFailure(instanceId: instanceId, error: error)) }
            }
        }
        var outcomes: [ReinitOutcome] = []
        var accepted: [(target: ReinitTarget, requestId: String, index: Int)] = []
        for target in group {
            guard !Task.isCancelled else {
                outcomes.append(Self.notSent(target))
                continue
            }
            progress?.record(.calling, for: target.diskId)
            do {
                let requestId = try await client.reInitDisk(target.request)
                progress?.record(wait ? .status("ReIniting") : .done, for: target.diskId)
                accepted.append((target, requestId, outcomes.count))
                outcomes.append(.accepted(target, requestId: requestId, status: "ReIniting"))
            } catch {
                progress?.record(.failed, for: target.diskId)
                outcomes.append(.failure(target, Self.explained(error, for: target)))
            }
        }
        guard wait else { return outcomes }
        for (target, requestId, index) in accepted {
            outcomes[index] = await waitUntilReady(target, requestId: requestId)
        }
        return outcomes
    }

    /// Stops an instance (unless already Stopping) and waits until it is Stopped.
    private func stop(_ instanceId: String, status: String?, disks: [String]) async throws {
        disks.forEach { progress?.record(.stopping(status ?? "Running"), for: $0) }
        if status != "Stopping" {
            _ = try await client.stopInstance(instanceId)
        }
        try await waiter.wait(
            forInstance: instanceId, toBe: "Stopped", client: client,
            progress: { status, _ in disks.forEach { progress?.record(.stopping(status), for: $0) } })
    }

    /// `--wait` for one accepted disk: In_use again, then its instance Running when it was autostarted.
    private func waitUntilReady(_ target: ReinitTarget, requestId: String) async -> ReinitOutcome {
        let diskId = target.diskId
        do {
            try await waiter.wait(
                forDisk: diskId, toBe: "In_use", client: client,
                progress: { status, _ in progress?.record(.status(status), for: diskId) })
            if target.request.autoStartInstance == true, let instanceId = target.instanceId {
                try await waiter.wait(
                    forInstance: instanceId, toBe: "Running", client: client,
                    progress: { status, _ in progress?.record(.status("instance \(status)"), for: diskId) })
            }
            progress?.record(.done, for: diskId)
            return .accepted(target, requestId: requestId, status: "In_use")
        } catch is CancellationError {
            var outcome = ReinitOutcome.accepted(target, requestId: requestId, status: "ReIniting")
            outcome.message = "accepted (RequestId \(requestId)); interrupted while waiting"
            return outcome
        } catch {
            progress?.record(.failed, for: diskId)
            var status = "ReIniting"
            if case .timedOut(_, _, let last?, _) = error as? WaitError { status = last }
            return .failure(target, error, requestId: requestId, status: status)
        }
    }

    /// ECS answers IncorrectInstanceStatus both for a running instance and for one never started; the
    /// preflight saw it Stopped, so it is the second, which Describe does not show.
    static func explained(_ error: any Error, for target: ReinitTarget) -> any Error {
        guard var error = error as? ServiceError, error.code == "IncorrectInstanceStatus",
            target.instance?.status == "Stopped", let instanceId = target.instanceId
        else { return error }
        error.message +=
            " Instance \(instanceId) is Stopped, so it has probably never been started:"
            + " run `start \(instanceId) --wait` and `stop \(instanceId) --wait` once, then reinit."
        return error
    }
}
